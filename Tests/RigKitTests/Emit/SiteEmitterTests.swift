import Testing
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
