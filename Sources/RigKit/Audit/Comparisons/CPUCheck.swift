import RigSpec
import RigSystem
import RigProbe

/// `parts.cpu` model (see `CPUName`), cores, threads and sockets against lscpu.
/// Frequency and power are not compared: the kernel reports boost clocks, and no probe sees watts.
package struct CPUCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.cpu == nil ? [] : [.cpu] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let cpu = spec.parts.cpu, let seen = facts.cpu else { return [] }
        var findings = [
            context.compare("parts.cpu.model", expected: cpu.model, fact: seen.model, what: "the CPU",
                            show: { $0 }, matches: { CPUName.matches(spec: cpu.model, actual: $0) }),
        ]
        let counts: [(String, Int?, Fact<Int>, String)] = [
            ("cores", cpu.cores, seen.cores, "the number of CPU cores"),
            ("threads", cpu.threads, seen.threads, "the number of CPU threads"),
            ("sockets", cpu.sockets, seen.sockets, "the number of CPU sockets"),
        ]
        for (key, wanted, fact, what) in counts {
            guard let wanted else { continue }
            findings.append(context.compare("parts.cpu.\(key)", expected: String(wanted), fact: fact, what: what,
                                            show: { String($0) }, matches: { $0 == wanted }))
        }
        return findings
    }
}
