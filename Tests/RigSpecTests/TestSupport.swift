import Foundation
@testable import RigSpec

enum TestFixtures {
    /// The copied `Fixtures` folder of this test bundle.
    static let root: String = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path

    /// The repository's `machines/` folder (tests check the real examples, not copies).
    static let machines: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("machines").path

    static func load(_ yaml: String, name: String = "box", files: [String: String] = [:]) -> Result<MachineSpec, SpecError> {
        var all = files
        all["/specs/\(name).yaml"] = yaml
        return SpecLoader(readFile: { all[$0] }).load(file: "/specs/\(name).yaml")
    }

    static let minimal = """
    version: 1
    hostname: box
    os: { distro: ubuntu, release: "22.04" }
    """
}

extension SpecLoader {
    /// A loader over the real files (RigSpec itself never reads the disk; rigctl passes its System).
    static func fromDisk() -> SpecLoader {
        SpecLoader(read: { path in
            guard let data = FileManager.default.contents(atPath: path) else { return .failure(.init("no such file")) }
            return String(data: data, encoding: .utf8) == nil ? .failure(.init("not UTF-8 text")) : .success([UInt8](data))
        })
    }

    /// The `*.yaml` files directly in `directory`, sorted.
    static func machineFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory + "/" + $0 }
    }
}
