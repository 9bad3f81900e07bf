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

@Suite struct SiteEmitterTests {
    @Test func importsThePlaybookOfEveryMachineInTheInventory() {
        #expect(SiteEmitter().emit(PlanExamples.all).hasSuffix("""
            ---
            - name: "Converge big-rig"
              ansible.builtin.import_playbook: "big-rig.yml"
            - name: "Converge compute-node"
              ansible.builtin.import_playbook: "compute-node.yml"

            """))
    }
}
