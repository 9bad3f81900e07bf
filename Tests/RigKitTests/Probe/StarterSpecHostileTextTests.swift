import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigEmit
import RigSpec

/// `init` writes recorded text into YAML comments; whatever that text holds (CR, NEL, LS, PS,
/// escape sequences), it stays inside its comment: the spec loaded back has no planted key.
@Suite struct StarterSpecHostileTextTests {
    static let payloads = ["\rpackages: { apt: [evil] }", "\u{85}packages: { apt: [evil] }", "\u{2028}packages: { apt: [evil] }",
                           "\u{2029}packages: { apt: [evil] }", "\npackages: { apt: [evil] }", "\u{0b}\u{0c}packages: { apt: [evil] }",
                           "\u{1b}]0;title\u{07}\u{1b}[2Jpackages: { apt: [evil] }"]

    func loadBack(_ yaml: String) throws -> MachineSpec {
        try SpecLoader(readFile: { _ in yaml }).load(file: "machines/box.yaml").get()
    }

    @Test(arguments: payloads)
    func everyReasonStaysInItsComment(payload: String) throws {
        var facts = Facts()
        let reason = "it broke" + payload
        facts.hostname = .unknown(reason)
        facts.os = OSFacts()
        facts.os?.id = .unknown(reason)
        facts.cpu = CPUFacts()
        facts.cpu?.model = .unknown(reason)
        facts.board = BoardFacts()
        facts.board?.name = .unknown(reason)
        facts.board?.biosVersion = .unknown(reason)
        facts.memory = MemoryFacts()
        facts.memory?.totalBytes = .unknown(reason)
        facts.gpus = .unknown(reason)
        facts.storage = .value([DiskFacts(name: "sda" + payload, model: nil, sizeBytes: 1_000_000_000, rotational: nil, transport: nil)])
        facts.nvidiaDriver = NvidiaDriverFacts()
        facts.nvidiaDriver?.version = .value("570.133.07" + payload)
        facts.nvidiaDriver?.flavor = .unknown(reason)
        let yaml = StarterSpec.yaml(from: facts)
        for scalar in ["\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0b}", "\u{0c}", "\u{1b}", "\u{07}"] as [Unicode.Scalar] {
            #expect(!yaml.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) in:\n\(yaml)")
        }
        #expect(!yaml.contains("\npackages:"))
        let spec = try loadBack(yaml)
        #expect(spec.packages.apt.isEmpty)
    }

    @Test func hostileDiskNameFromAProbe() async throws {
        var machine = FakeSystem()
        machine.commands[StorageProber.argv] = .output(#"{"blockdevices": [{"name": "sda\rpackages: { apt: [evil] }", "type": "disk", "size": 1000204886016}]}"#)
        let facts = await ProbeRunner.probe(Set(FactGroup.allCases), on: machine)
        let yaml = StarterSpec.yaml(from: facts)
        #expect(yaml.contains(#"# storage: sda\rpackages: { apt: [evil] } (1 TB) reports no model"#))
        #expect(try loadBack(yaml).packages.apt.isEmpty)
    }
}
