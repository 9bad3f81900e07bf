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

@Suite struct GPUMinimumDriverTests {
    let rule = GPUMinimumDriver()

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func rtx50OnR565Fails() throws {
        var spec = ExampleMachines.workstation
        spec.drivers?.nvidia?.version = ExampleMachines.version("565")
        let finding = try #require(rule.check(spec).first)
        #expect(finding.rule == "gpu-min-driver")
        #expect(finding.keyPath == "drivers.nvidia.version")
        #expect(finding.expected == ">=570")
        #expect(finding.actual == "565")
        #expect(finding.severity == .error)
        #expect(finding.message == "GeForce RTX 5070 Ti (Blackwell, sm_120) in parts.gpus[0] needs driver branch 570 or newer; "
                + "the spec pins 565")
    }

    @Test func rtx50WithProprietaryModulesFails() throws {
        var spec = ExampleMachines.workstation
        spec.drivers?.nvidia?.flavor = .proprietary
        let finding = try #require(rule.check(spec).first)
        #expect(finding.keyPath == "drivers.nvidia.flavor")
        #expect(finding.expected == "open")
        #expect(finding.actual == "proprietary")
        #expect(finding.message == "GeForce RTX 5070 Ti (Blackwell, sm_120) in parts.gpus[0] works only with the open "
                + "kernel modules; the spec asks for proprietary")
    }

    @Test func pascalWithOpenModulesFails() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "NVIDIA GeForce GTX 1080 Ti")]
        let finding = try #require(rule.check(spec).first)
        #expect(finding.expected == "proprietary")
        spec.drivers?.nvidia?.flavor = .proprietary
        #expect(rule.check(spec) == [])
    }

    @Test func mixedOldAndNewGPUsCannotBeSatisfied() {
        var spec = ExampleMachines.workstation
        spec.parts.gpus.append(.init(model: "GeForce GTX 980"))
        #expect(rule.check(spec).map(\.expected) == ["proprietary"])
        spec.drivers?.nvidia?.flavor = .proprietary
        #expect(rule.check(spec).map(\.expected) == ["open"])
    }

    @Test func ampereAcceptsEitherFlavour() {
        var spec = ExampleMachines.computeNode
        spec.drivers?.nvidia?.flavor = .proprietary
        #expect(rule.check(spec) == [])
    }
}
