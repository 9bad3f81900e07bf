import FoundationEssentials
import Testing
@testable import RigSpec

/// libyaml is linked statically (Package.swift: RigSpec's `-l:libyaml.a`), so a rigctl binary runs
/// where libyaml-dev is not installed. This test process links RigSpec the same way rigctl does:
/// after parsing YAML, no libyaml shared object may be mapped into it.
@Suite struct StaticLibYAMLTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps"), "needs Linux's /proc/self/maps"))
    func libyamlIsNotASharedLibrary() throws {
        let parsed = YAMLReader.read("a: [1, 2]\n", file: "t.yaml")
        #expect(parsed.diagnostics.isEmpty && parsed.root != nil)
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        #expect(!maps.isEmpty, "cannot read the process's mappings")
        let shared = maps.split(separator: "\n").filter { $0.contains("libyaml") }
        #expect(shared.isEmpty, "libyaml is loaded as a shared library: \(shared.joined(separator: "; "))")
    }
}
