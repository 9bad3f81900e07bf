import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit
import RigSpec

@Suite struct StarterSpecTests {
    static let hosts = ["h100-node", "rtx3090-desktop", "vm-no-gpu", "compute-node", "workstation", "h100-device"]

    @Test(arguments: hosts)
    func matchesGolden(host: String) async throws {
        let facts = await ProbeRunner.probe(Set(FactGroup.allCases), on: try ReplaySystem(directory: try Fixture.host(host)))
        try Golden.check(StarterSpec.yaml(from: facts), against: "init/\(host).yaml")
    }

    @Test func computeNodeSpecSaysWhatTheDesignSays() async throws {
        let facts = await ProbeRunner.probe(FactGroup.standard, on: try ReplaySystem(directory: try Fixture.host("compute-node")))
        let yaml = StarterSpec.yaml(from: facts)
        #expect(yaml.contains(#"  cpu: { model: "Intel Core i7-5820K", cores: 6, threads: 12 }"#))
        #expect(yaml.contains("  memory: { size: 32 GiB, modules: 4, type: DDR4 }"))
        #expect(yaml.contains(#"    - { model: "NVIDIA GeForce RTX 3090", vram: 24 GiB, power: 350 W }"#))
        #expect(yaml.contains(#"    - { model: "Samsung SSD 970 EVO Plus 1TB", size: 1 TB, interface: nvme }"#))
        #expect(yaml.contains(#"  nvidia: { version: "570.124.04", flavor: open }"#))
        #expect(yaml.contains(#"  cuda: "12.8""#))
        #expect(yaml.contains("gpu-settings: { power-limit: 300 W, persistence: true }"))
        #expect(yaml.contains("# psu:") || yaml.contains("  # psu:"))
    }

    @Test func identicalPartsAreCounted() {
        var facts = Facts()
        var gpu = GPUFacts(busID: "0000:01:00.0", vendor: "nvidia")
        gpu.model = .value("NVIDIA GeForce RTX 5060 Ti")
        gpu.vramBytes = .value(mib(16311))
        gpu.defaultPowerLimitWatts = .value(180)
        var second = gpu
        second.busID = "0000:02:00.0"
        facts.gpus = .value([gpu, second])
        #expect(StarterSpec.yaml(from: facts).contains(#"    - { model: "NVIDIA GeForce RTX 5060 Ti", vram: 16 GiB, power: 180 W, count: 2 }"#))
    }

    @Test func anArm64HostGetsItsArchitecture() throws {
        var facts = Facts()
        facts.os = OSFacts()
        facts.os?.id = .value("ubuntu")
        facts.os?.version = .value("24.04")
        facts.os?.architecture = .value("aarch64")
        #expect(StarterSpec.yaml(from: facts).contains(#"os: { distro: "ubuntu", release: "24.04", arch: arm64 }"# + "\n"))
        facts.os?.architecture = .value("x86_64")
        #expect(StarterSpec.yaml(from: facts).contains(#"os: { distro: "ubuntu", release: "24.04" }"# + "\n"))
        facts.os?.id = .value("fedora")
        #expect(StarterSpec.yaml(from: facts).contains("  # rigctl knows ubuntu, debian, pop"))
        // What init writes loads: the arm64 line is a valid spec.
        let yaml = "version: 1\nhostname: box\nos: { distro: \"ubuntu\", release: \"24.04\", arch: arm64 }\n"
        #expect(try AuditSamples.spec(yaml).os.architecture == .arm64)
    }

    @Test func quotingAndSizes() {
        #expect(YAMLWriter.quote(#"a "b" \ c"#) == #""a \"b\" \\ c""#)
        #expect(YAMLWriter.quote("tab\there") == #""tab\there""#)
        #expect(StarterSpec.decimalSize(1_000_204_886_016) == "1 TB")
        #expect(StarterSpec.decimalSize(512_110_190_592) == "512 GB")
        #expect(StarterSpec.decimalSize(1_920_383_410_176) == "1.9 TB")
        #expect(StarterSpec.installedSize(kib(65_783_256)) == 64)
        #expect(StarterSpec.installedSize(kib(264_026_876)) == 256)
        #expect(StarterSpec.installedSize(kib(24_641_536)) == 24)
        #expect(CPUModelName.clean("Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz") == "Intel Xeon Gold 6148")
        #expect(CPUModelName.clean("AMD Ryzen 9 5950X 16-Core Processor") == "AMD Ryzen 9 5950X")
    }

    @Test func neverReplacesAFileWithoutForce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-init-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/machines/rig.yaml"
        try StarterSpec.write("one\n", to: path, force: false, on: LiveSystem())
        #expect(throws: StarterSpec.WriteError.exists(path)) { try StarterSpec.write("two\n", to: path, force: false, on: LiveSystem()) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        try StarterSpec.write("two\n", to: path, force: true, on: LiveSystem())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two\n")
    }
}

/// `rigctl init` output must be a valid spec as it stands (the spec loader from main).
@Suite struct StarterSpecLoadsTests {
    func load(_ host: String) async throws -> MachineSpec {
        let facts = await ProbeRunner.probe(Set(FactGroup.allCases), on: try ReplaySystem(directory: try Fixture.host(host)))
        let yaml = StarterSpec.yaml(from: facts)
        let result = SpecLoader(readFile: { _ in yaml }).load(file: "machines/\(host).yaml")
        switch result {
        case .success(let spec): return spec
        case .failure(let error):
            Issue.record("init output of \(host) does not load:\n\(error.diagnostics.map(\.description).joined(separator: "\n"))\n\(yaml)")
            throw error
        }
    }

    @Test(arguments: StarterSpecTests.hosts)
    func loadsWithoutErrors(host: String) async throws {
        let spec = try await load(host)
        #expect(spec.name == host)
        #expect(spec.version == 1)
    }

    @Test func computeNodeValues() async throws {
        let spec = try await load("compute-node")
        #expect(spec.hostname == "compute-node")
        #expect(spec.os == .init(distro: .ubuntu, release: "22.04"))
        #expect(spec.parts.cpu?.model == "Intel Core i7-5820K")
        #expect(spec.parts.memory?.size.value == Double(gib(32)))
        #expect(spec.parts.memory?.type == .ddr4)
        #expect(spec.parts.gpus.first?.vram?.value == Double(gib(24)))
        #expect(spec.parts.gpus.first?.power?.value == 350)
        #expect(spec.parts.storage.first?.interface == .nvme)
        #expect(spec.drivers?.nvidia?.flavor == .open)
        #expect(spec.gpuSettings?.persistence == true)
        #expect(spec.bios?.version == "3902")
    }

    @Test func amdNamesWithBracketsBecomeValidLabels() {
        #expect(StarterSpec.label("Arcturus GL-XL [Instinct MI100]") == "Arcturus GL-XL Instinct MI100")
        #expect(StarterSpec.label("NVIDIA GeForce RTX 3090") == "NVIDIA GeForce RTX 3090")
    }
}
