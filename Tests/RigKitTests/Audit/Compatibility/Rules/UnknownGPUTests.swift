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

@Suite struct UnknownGPUTests {
    let rule = UnknownGPU()

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func unknownCardIsAWarningNotACrash() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus.append(.init(model: "NVIDIA GeForce RTX 9090", count: 2))
        let finding = try #require(rule.check(spec).first)
        #expect(rule.check(spec).count == 1)
        #expect(finding.rule == "unknown-gpu")
        #expect(finding.keyPath == "parts.gpus[1].model")
        #expect(finding.actual == "NVIDIA GeForce RTX 9090")
        #expect(finding.status == .unknown)
        #expect(finding.severity == .warning)
        #expect(finding.message == "rigctl does not know the GPU 'NVIDIA GeForce RTX 9090': its architecture, CUDA, driver "
                + "and VRAM checks are skipped (write its power to keep the power budget checked)")
    }

    @Test func familyMembersAreKnown() {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "NVIDIA GeForce RTX 3070")]
        #expect(rule.check(spec) == [])
    }
}
