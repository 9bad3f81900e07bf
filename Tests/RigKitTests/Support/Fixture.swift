import Foundation
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit
import Testing

/// Test inputs from `Tests/RigKitTests/Fixtures` (copied into the test bundle).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "fixture \(path) is missing" }
    }

    static func root() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(path: "Fixtures") }
        return url
    }

    /// A real tool output copied from Tests/RigKitTests/Fixtures/tools: `tools/<category>/<file>`.
    static func data(_ path: String) throws -> Data {
        let url = try root().appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: path) }
        return data
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// A recorded host under `Fixtures/hosts/<name>`.
    static func host(_ name: String) throws -> String {
        let path = try root().appendingPathComponent("hosts/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: "hosts/\(name)") }
        return path
    }

    /// Where source-tree fixtures live, for re-recording golden files (`RIGCTL_RECORD_GOLDEN=1`).
    static func sourceDirectory(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file)
        while url.lastPathComponent != "RigKitTests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures")
    }
}

/// Sizes for expectations, typed as facts are (UInt64).
func mib(_ count: UInt64) -> UInt64 { count * 1_048_576 }
func gib(_ count: UInt64) -> UInt64 { count * 1_073_741_824 }
func kib(_ count: UInt64) -> UInt64 { count * 1024 }

extension SpecLoader {
    /// A loader over the real files, through the live system (as rigctl reads them).
    static func fromDisk() -> SpecLoader { Repository(root: ".", system: LiveSystem()).loader() }

    /// The machine specs directly in `directory`, sorted.
    static func machineFiles(in directory: String) throws -> [String] {
        try Repository(root: (directory as NSString).deletingLastPathComponent, system: LiveSystem()).machineFiles().get()
    }
}
