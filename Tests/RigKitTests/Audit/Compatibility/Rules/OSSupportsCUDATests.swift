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

@Suite struct OSSupportsCUDATests {
    let rule = OSSupportsCUDA()

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func cuda124OnUbuntu2404Fails() throws {
        let finding = try #require(rule.check(ExampleMachines.blackwellOnCUDA124).first)
        #expect(finding.rule == "os-supports-cuda")
        #expect(finding.keyPath == "drivers.cuda")
        #expect(finding.expected == ">=12.5")
        #expect(finding.severity == .error)
        #expect(finding.message == "CUDA 12.4 does not support ubuntu 24.04; the first CUDA release for it is 12.5")
    }

    @Test func popSaysWhichUbuntuItWasJudgedAs() throws {
        var spec = ExampleMachines.blackwellOnCUDA124
        spec.os = .init(distro: .pop, release: "24.04")
        let finding = try #require(rule.check(spec).first)
        #expect(finding.message == "CUDA 12.4 does not support pop 24.04 (judged as Ubuntu 24.04, which Pop!_OS is built on); "
                + "the first CUDA release for it is 12.5")
    }

    @Test func uncoveredCombinationIsAWarning() throws {
        var spec = ExampleMachines.computeNode
        spec.os = .init(distro: .ubuntu, release: "20.04")
        spec.drivers?.cuda = ExampleMachines.version("13.0")
        let finding = try #require(rule.check(spec).first)
        #expect(finding.status == .unknown)
        #expect(finding.severity == .warning)
        #expect(finding.keyPath == "os.release")
        #expect(finding.message == "cannot tell whether CUDA 13.0 supports ubuntu 20.04: rigctl's table knows CUDA 11.0–12.9 "
                + "on ubuntu 20.04, not CUDA 13.0")
    }

    @Test func noCUDANoFinding() {
        var spec = ExampleMachines.blackwellOnCUDA124
        spec.drivers?.cuda = nil
        #expect(rule.check(spec) == [])
    }
}
