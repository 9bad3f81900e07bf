import Testing
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

@Suite struct DeclaredVRAMTests {
    let rule = DeclaredVRAM()

    private func spec(_ model: String, _ vram: Quantity) -> MachineSpec {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: model, vram: vram)]
        return spec
    }

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func wrongSizeForACompletelyKnownModelFails() throws {
        let finding = try #require(rule.check(spec("NVIDIA GeForce RTX 3090", ExampleMachines.gib(20))).first)
        #expect(finding.rule == "declared-vram")
        #expect(finding.keyPath == "parts.gpus[0].vram")
        #expect(finding.expected == "24 GB")
        #expect(finding.actual == "20 GiB")
        #expect(finding.severity == .error)
        #expect(finding.message == "parts.gpus[0] declares 20 GiB of VRAM, but a GeForce RTX 3090 has 24 GB")
    }

    @Test func eitherGBOrGiBAndMeasuredSizesMatch() {
        #expect(rule.check(spec("RTX 3090", ExampleMachines.gb(24))) == [])
        #expect(rule.check(spec("NVIDIA H200", ExampleMachines.gb(141))) == [])
        #expect(rule.check(spec("NVIDIA L40S", ExampleMachines.gb(48))) == [])
        #expect(rule.check(spec("NVIDIA L40S", ExampleMachines.gib(45))) == [])
        #expect(rule.check(spec("NVIDIA GeForce RTX 5060 Ti", Quantity(dimension: .size, value: 16311 * 1_048_576, text: "16311 MiB"))) == [])
        #expect(rule.check(spec("NVIDIA GeForce RTX 5060 Ti", ExampleMachines.gb(8))) == [])
    }

    @Test func variantsPerModel() throws {
        #expect(rule.check(spec("NVIDIA A100-SXM4-40GB", ExampleMachines.gb(40))) == [])
        let wrong = try #require(rule.check(spec("NVIDIA A100-SXM4-40GB", ExampleMachines.gb(80))).first)
        #expect(wrong.expected == "40 GB")
    }

    @Test func possiblyUnlistedVariantIsAWarning() throws {
        let finding = try #require(rule.check(spec("NVIDIA GeForce RTX 3060", ExampleMachines.gib(8))).first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "parts.gpus[0] declares 8 GiB of VRAM, but a GeForce RTX 3060 has 12 GB in rigctl's table "
                + "(other variants may exist)")
    }

    @Test func familiesAndUnknownGPUsAreNotJudged() {
        #expect(rule.check(spec("NVIDIA GeForce RTX 3080", ExampleMachines.gib(7))) == [])
        #expect(rule.check(spec("Matrox G200eW", ExampleMachines.gib(7))) == [])
    }
}
