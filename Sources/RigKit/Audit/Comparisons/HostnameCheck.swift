import RigSpec
import RigSystem
import RigProbe

/// `hostname` against the live hostname; host names are case-insensitive (RFC 4343).
package struct HostnameCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { [.hostname] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let hostname = facts.hostname else { return [] }
        return [context.compare("hostname", expected: spec.hostname, fact: hostname, what: "the hostname",
                                show: { $0 }, matches: { $0.lowercased() == spec.hostname.lowercased() })]
    }
}
