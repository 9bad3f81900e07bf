import Foundation
import Testing

/// Byte-for-byte comparison with `Fixtures/golden/<name>`; `RIGCTL_RECORD_GOLDEN=1` rewrites
/// the file in the source tree instead.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let source = Fixture.sourceDirectory().appendingPathComponent("golden/\(name)")
        if ProcessInfo.processInfo.environment["RIGCTL_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: source)
            return
        }
        let expected = try Fixture.text("golden/\(name)")
        #expect(actual == expected, "differs from golden/\(name); re-record with RIGCTL_RECORD_GOLDEN=1 if intended", sourceLocation: sourceLocation)
    }
}
