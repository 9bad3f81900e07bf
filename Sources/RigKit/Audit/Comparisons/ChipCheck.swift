import RigSpec
import RigSystem
import RigProbe

/// `parts.chip`: the model against `machdep.cpu.brand_string`, `cpu-cores` against `hw.ncpu`, and
/// `gpu-cores` against system_profiler's count. The chip's unified memory is `parts.memory.size`,
/// which `MemoryCheck` compares with `hw.memsize`.
package struct ChipCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> {
        guard let chip = spec.parts.chip else { return [] }
        return chip.cpuCores == nil ? [.chip] : [.chip, .cpu]
    }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let chip = spec.parts.chip, let seen = facts.chip else { return [] }
        var findings = [
            context.compare("parts.chip.model", expected: chip.model, fact: seen.model, what: "the chip (machdep.cpu.brand_string)",
                            show: { $0 }, matches: { $0.lowercased() == chip.model.lowercased() }),
        ]
        if let cores = chip.cpuCores, let cpu = facts.cpu {
            findings.append(context.compare("parts.chip.cpu-cores", expected: String(cores), fact: cpu.cores, what: "the CPU cores (hw.ncpu)",
                                            show: { String($0) }, matches: { $0 == cores }))
        }
        if let cores = chip.gpuCores {
            findings.append(context.compare("parts.chip.gpu-cores", expected: String(cores), fact: seen.gpuCores, what: "the GPU cores",
                                            show: { String($0) }, matches: { $0 == cores }))
        }
        return findings
    }
}
