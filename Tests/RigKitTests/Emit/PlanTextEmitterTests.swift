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

@Suite struct PlanTextEmitterTests {
    @Test func goldenTextOfTheComputeNode() throws {
        try PlanGolden.check(PlanTextEmitter().emit(Planner().plan(spec: PlanExamples.computeNode)), "text/compute-node.txt")
    }

    @Test func doneStepsAreCounted() {
        let plan = Planner().plan(spec: PlanExamples.computeNode, satisfied: ["hostname", "packages.apt"])
        let text = PlanTextEmitter().emit(plan)
        #expect(text.hasPrefix("Plan for compute-node (ubuntu 22.04) from machines/compute-node.yaml: 17 steps, 2 already done\n"))
        #expect(text.contains("\n11. [done] Set the hostname to compute-node (root)\n    id: hostname; fixes: hostname\n"))
        #expect(text.contains("\n16. [manual] BIOS: set xmp to profile-1\n    id: bios-xmp; fixes: bios.settings.xmp\n    done when: a person confirms it\n"))
    }
}
