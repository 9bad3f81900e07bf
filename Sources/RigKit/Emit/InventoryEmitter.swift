import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan

/// `playbooks/inventory.yml`: every machine with `ssh:` as a host of the group `rigs`.
package struct InventoryEmitter: Sendable {
    package init() {}

    package func emit(_ specs: [MachineSpec]) -> String {
        let hosts: [(String, YAMLNode)] = specs.sorted { $0.name < $1.name }.compactMap { spec in
            guard let ssh = spec.ssh else { return nil }
            var variables: [(String, YAMLNode)] = [("ansible_host", .string(ssh.host))]
            if let user = ssh.user { variables.append(("ansible_user", .string(user))) }
            if let port = ssh.port { variables.append(("ansible_port", .int(port))) }
            return (spec.name, .map(variables))
        }
        return YAMLWriter.document(.map([("rigs", .map([("hosts", .map(hosts))]))]), header: [
            "The machines rigctl can reach over SSH, from the ssh: of each spec in machines/.",
            "Written by `rigctl generate`; do not edit, change the specs instead.",
        ])
    }
}
