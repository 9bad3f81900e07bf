import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan

/// `playbooks/site.yml`: imports the playbook of every machine in the inventory (those with `ssh:`).
package struct SiteEmitter: Sendable {
    package init() {}

    package func emit(_ specs: [MachineSpec]) -> String {
        let imports: [YAMLNode] = specs.filter { $0.ssh != nil }.sorted { $0.name < $1.name }.map { spec in
            .map([("name", .string("Converge \(spec.name)")), ("ansible.builtin.import_playbook", .string("\(spec.name).yml"))])
        }
        return YAMLWriter.document(.list(imports), header: [
            "Converges every machine of the inventory: ansible-playbook -i playbooks/inventory.yml playbooks/site.yml",
            "Machines without ssh: are converged where they stand:",
            "  ansible-playbook -i <machine>, -c local playbooks/<machine>.yml",
            "Written by `rigctl generate`; do not edit, change the specs instead.",
        ])
    }
}
