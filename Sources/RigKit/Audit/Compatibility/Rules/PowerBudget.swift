import RigSpec
import RigSystem
import RigProbe

/// The power supplies can feed the parts: GPUs (at their power limit when `gpu-settings.power-limit`
/// is set, else at their board power) + CPU + an allowance for the rest, with headroom.
///
/// Numbers and why:
/// - GPU: `gpu-settings.power-limit` applies to every NVIDIA GPU; else `parts.gpus[i].power`; else the board
///   power in `GPUCatalog` (default power limit seen in `nvidia-smi`, docs/compatibility.md §3).
/// - CPU: `parts.cpu.power` per socket × `sockets`; else 150 W, a stated default for a desktop or HEDT package.
/// - Rest: 75 W for motherboard, memory, fans and USB, plus 10 W per drive (`parts.storage` counts).
/// - Headroom: 20 % on top, because GPUs draw short spikes above their limit and PSUs age.
/// Multiple PSUs add up. Without any PSU in the spec there is nothing to compare, so no finding.
package struct PowerBudget: CompatibilityRule {
    package let id = "power-budget"
    package let summary = "the power supplies cover GPUs + CPU + rest with headroom"
    package var catalog: GPUCatalog

    /// Used when the spec gives no CPU power.
    package static let defaultCPUWatts = 150.0
    /// Motherboard, memory, fans and USB.
    package static let baseWatts = 75.0
    package static let wattsPerDrive = 10.0
    /// Percent added on top of the sum.
    package static let headroomPercent = 20

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        let psus = spec.parts.psus
        guard !psus.isEmpty else { return [] }
        var terms: [String] = []
        var total = 0.0
        for entry in lookups.catalogedGPUs(catalog) {
            guard let (watts, basis) = power(of: entry, spec: spec) else {
                return [Finding(spec: spec, keyPath: entry.keyPath("power"), expected: "a power such as 350 W", actual: nil,
                                status: .unknown, severity: .warning,
                                message: "cannot check the power budget: rigctl does not know the board power of \(entry.gpu.model); "
                                    + "write it as parts.gpus[\(entry.index)].power",
                                rule: id)]
            }
            total += watts * Double(entry.gpu.count)
            let name = entry.model.flatMap { $0.isFamily ? nil : $0.name } ?? entry.gpu.model
            terms.append("\(entry.gpu.count) × \(name) at \(Self.format(watts)) \(basis) = \(Self.format(watts * Double(entry.gpu.count)))")
        }
        let sockets = spec.parts.cpu?.sockets ?? 1
        if let cpuPower = spec.parts.cpu?.power?.value {
            total += cpuPower * Double(sockets)
            terms.append(sockets > 1 ? "\(sockets) × CPU \(Self.format(cpuPower))" : "CPU \(Self.format(cpuPower))")
        } else {
            total += Self.defaultCPUWatts * Double(sockets)
            let cpu = sockets > 1 ? "\(sockets) × CPU \(Self.format(Self.defaultCPUWatts))" : "CPU \(Self.format(Self.defaultCPUWatts))"
            terms.append(cpu + " (default; set parts.cpu.power)")
        }
        let drives = spec.parts.storage.reduce(0) { $0 + $1.count }
        let rest = Self.baseWatts + Self.wattsPerDrive * Double(drives)
        total += rest
        terms.append("rest \(Self.format(rest)) (75 W board, memory, fans + \(drives) drive\(drives == 1 ? "" : "s") × 10 W)")
        let needed = (total * Double(100 + Self.headroomPercent) / 100).rounded(.up)
        let available = psus.reduce(0.0) { $0 + $1.power.value }
        guard needed > available else { return [] }
        let supplies = psus.map { "\($0.model) \($0.power.text)" }.joined(separator: " + ")
        return [Finding(spec: spec, keyPath: "parts.psu", expected: ">= \(Self.format(needed))", actual: Self.format(available),
                        status: .incompatible, severity: .error,
                        message: terms.joined(separator: " + ") + " = \(Self.format(total)); with \(Self.headroomPercent) % headroom "
                            + "needs \(Self.format(needed)); \(psus.count == 1 ? "the PSU gives" : "the PSUs give") "
                            + "\(Self.format(available)) (\(supplies))",
                        rule: id)]
    }

    /// The watts one card of `entry` may draw, and how that number was chosen.
    private func power(of entry: CatalogedGPU, spec: MachineSpec) -> (Double, String)? {
        if entry.nvidia != nil, let limit = spec.gpuSettings?.powerLimit?.value { return (limit, "power limit") }
        if let declared = entry.gpu.power?.value { return (declared, "board power") }
        if let known = entry.model?.boardPowerWatts { return (known, "board power (rigctl's table)") }
        return nil
    }

    static func format(_ watts: Double) -> String {
        watts.wholeNumberText.map { "\($0) W" } ?? "\((watts * 10).rounded() / 10) W"
    }
}
