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

@Suite struct GPUMinimumCUDATests {
    let rule = GPUMinimumCUDA()

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func blackwellWithCUDA124Fails() throws {
        let finding = try #require(rule.check(ExampleMachines.blackwellOnCUDA124).first)
        #expect(finding.rule == "gpu-min-cuda")
        #expect(finding.keyPath == "drivers.cuda")
        #expect(finding.expected == ">=12.8")
        #expect(finding.actual == "12.4")
        #expect(finding.status == .incompatible)
        #expect(finding.severity == .error)
        #expect(finding.message == "GeForce RTX 5070 Ti (Blackwell, sm_120) needs CUDA 12.8 or newer (the first toolkit "
                + "that targets sm_120); the spec pins CUDA 12.4 for parts.gpus[0]")
    }

    @Test func hopperWithCUDA117Fails() {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "NVIDIA H100 PCIe")]
        spec.drivers?.cuda = ExampleMachines.version("11.7")
        #expect(rule.check(spec).map(\.expected) == [">=11.8"])
        spec.drivers?.cuda = ExampleMachines.version("11.8")
        #expect(rule.check(spec) == [])
    }

    @Test func cuda13DropsPascal() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "GeForce GTX 1080")]
        spec.drivers?.cuda = ExampleMachines.version("13.0")
        let finding = try #require(rule.check(spec).first)
        #expect(finding.expected == "<13.0")
        #expect(finding.message == "CUDA 13.0 dropped sm_61 (Pascal), so CUDA 13.0 cannot build for GeForce GTX 1080 "
                + "(Pascal, sm_61) in parts.gpus[0]; pin a 12.x toolkit")
        spec.drivers?.cuda = ExampleMachines.version("12.9")
        #expect(rule.check(spec) == [])
    }

    @Test func skipsUnknownGPUsAndSpecsWithoutCUDA() {
        var spec = ExampleMachines.blackwellOnCUDA124
        spec.parts.gpus = [.init(model: "Matrox G200eW")]
        #expect(rule.check(spec) == [])
        spec = ExampleMachines.blackwellOnCUDA124
        spec.drivers?.cuda = nil
        #expect(rule.check(spec) == [])
    }
}
