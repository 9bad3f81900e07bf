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

@Suite struct InventoryEmitterTests {
    @Test func machinesWithSSHAreHostsOfRigsSortedByName() {
        var bigRig = PlanExamples.bigRig
        bigRig.ssh?.port = 2222
        #expect(InventoryEmitter().emit([PlanExamples.workstation, PlanExamples.computeNode, bigRig]) == """
            # The machines rigctl can reach over SSH, from the ssh: of each spec in machines/.
            # Written by `rigctl generate`; do not edit, change the specs instead.
            ---
            rigs:
              hosts:
                "big-rig":
                  ansible_host: "big-rig.local"
                  ansible_user: "me"
                  ansible_port: 2222
                "compute-node":
                  ansible_host: "compute-node.local"
                  ansible_user: "me"

            """)
    }

    @Test func noMachineWithSSHGivesAnEmptyGroup() {
        #expect(InventoryEmitter().emit([PlanExamples.workstation]).hasSuffix("---\nrigs:\n  hosts: {}\n"))
    }
}
