import Testing
import RigSpec
@testable import RigKit

@Suite struct CompatibilityCheckTests {
    @Test(arguments: ExampleMachines.passing)
    func exampleMachinesHaveNoFindings(spec: MachineSpec) {
        #expect(checkCompatibility(spec) == [])
    }

    @Test func blackwellWithCUDA124FailsTwoRules() {
        let findings = checkCompatibility(ExampleMachines.blackwellOnCUDA124)
        #expect(findings.map(\.rule) == ["gpu-min-cuda", "os-supports-cuda"])
        #expect(findings.allSatisfy { $0.severity == .error && $0.machine == "workstation" })
    }

    @Test func fiveRTX3090OnOnePSUFailsThePowerBudget() {
        #expect(checkCompatibility(ExampleMachines.fiveRTX3090OnOnePSU).map(\.rule) == ["power-budget"])
        #expect(checkCompatibility(ExampleMachines.bigRigOnePSU).map(\.rule) == ["power-budget"])
    }

    @Test func findingsFollowTheFileAndCarryLocations() {
        var spec = ExampleMachines.blackwellOnCUDA124
        spec.drivers?.nvidia?.flavor = .proprietary
        spec.parts.gpus.append(.init(model: "Mystery GPU 1"))
        spec.locations["parts.gpus[1].model"] = SourceLocation(file: spec.file, line: 14, column: 15)
        spec.locations["drivers.cuda"] = SourceLocation(file: spec.file, line: 22, column: 9)
        spec.locations["drivers.nvidia"] = SourceLocation(file: spec.file, line: 21, column: 3)
        let findings = checkCompatibility(spec)
        #expect(findings.map(\.rule) == ["unknown-gpu", "gpu-min-driver", "gpu-min-cuda", "os-supports-cuda", "power-budget"])
        #expect(findings.map { $0.location?.line } == [14, 21, 22, 22, nil])
        #expect(checkCompatibility(spec) == findings)
    }

    @Test func everyRuleHasAUniqueIdAndASummary() {
        let ids = CompatibilityCheck.standardRules.map(\.id)
        #expect(ids == ["unknown-gpu", "gpu-min-cuda", "cuda-min-driver", "gpu-min-driver", "os-supports-cuda",
                        "power-budget", "declared-vram"])
        #expect(Set(ids).count == ids.count)
        #expect(CompatibilityCheck.standardRules.allSatisfy { !$0.summary.isEmpty })
    }
}
