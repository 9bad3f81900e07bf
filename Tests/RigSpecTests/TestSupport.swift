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
