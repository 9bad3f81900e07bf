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

@Suite struct PlannerFindingsTests {
    func finding(_ key: SpecKeyPath, _ status: Finding.Status, machine: String = "compute-node") -> Finding {
        Finding(machine: machine, keyPath: key, status: status, severity: status == .ok ? .info : .error, message: key.rawValue)
    }

    @Test func stepsWhoseFindingsAreAllOkAreDone() {
        let findings = [
            finding("hostname", .ok),
            finding("packages.apt[0]", .ok), finding("packages.apt[1]", .ok),
            finding("drivers.nvidia.version", .ok), finding("drivers.nvidia.flavor", .drift),
            finding("drivers.nvidia.user-space", .ok), finding("drivers.nvidia.hold", .ok), finding("drivers.nvidia.nouveau", .drift),
            finding("bios.settings.secure-boot", .ok), finding("bios.settings.xmp", .manual),
            finding("gpu-settings.persistence", .ok),
            finding("drivers.cuda", .ok, machine: "big-rig"),
        ]
        let plan = Planner().plan(spec: PlanExamples.computeNode, findings: findings)
        #expect(plan.steps.filter { $0.status == .done }.map(\.id) == ["apt-packages", "hold-nvidia-driver", "hostname", "bios-secure-boot", "reboot-notice"])
    }

    @Test func theRebootNoticeWaitsForTheUserSpaceDriver() {
        let findings = [finding("drivers.nvidia.version", .ok), finding("drivers.nvidia.user-space", .drift)]
        let plan = Planner().plan(spec: PlanExamples.computeNode, findings: findings)
        #expect(plan.steps.first { $0.id == "reboot-notice" }?.status == .pending)
    }

    @Test func aKeyWithoutFindingsIsNotSatisfied() {
        #expect(Planner.satisfied(["hostname", "theme"], by: [finding("hostname", .ok)]) == ["hostname"])
        #expect(Planner.satisfied(["packages.apt"], by: [finding("packages.apt[0]", .ok), finding("packages.apt[1]", .missing)]).isEmpty)
        #expect(Planner.satisfied(["bios.settings.xmp"], by: [finding("bios.settings.xmp-extra", .ok)]).isEmpty)
    }
}
