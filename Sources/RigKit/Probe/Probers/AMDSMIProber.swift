import RigSpec
import RigSystem

/// AMD GPUs' names, gfx targets, VRAM and power caps from `amd-smi static --json` (ROCm 6 and later),
/// merged into the PCI facts; where amd-smi is missing or prints nothing rigctl can read, `rocm-smi --json`
/// (older ROCm, `RocmSMIProber`) answers instead.
package struct AMDSMIProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.gpus] }
    package var runsCommands: Bool { true }

    static let argv = ["amd-smi", "static", "--json"]
    let fallback = RocmSMIProber()

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(Self.argv, timeout: timeout)
        let why: String
        if let reason = result.failureReason(program: "amd-smi") {
            why = reason
        } else if let parsed = AMDSMI.parseStatic(result.stdout) {
            return Self.update(with: parsed.cards)
        } else {
            why = "amd-smi printed no JSON rigctl knows (neither a list of GPUs nor {\"gpu_data\": …})"
        }
        let older = await fallback.probe(on: system, timeout: timeout)
        return FactsUpdate { facts in
            older.apply(&facts)
            // rocm-smi answered for what it knows; say why amd-smi did not where nothing did.
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "amd") { gpu in
                if case .unknown(let reason)? = gpu.gfxTarget { gpu.gfxTarget = .unknown("\(reason); \(why)") }
            }
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate { fallback.unavailable(reason) }

    static func update(with cards: [AMDSMI.Card]) -> FactsUpdate {
        FactsUpdate { facts in
            let amdGPUs = facts.gpus?.value?.filter { $0.vendor == "amd" } ?? []
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "amd") { gpu in
                guard let card = match(gpu, cards: cards, amdGPUs: amdGPUs) else {
                    gpu.powerLimitWatts = .unknown("amd-smi does not list \(gpu.busID)")
                    gpu.defaultPowerLimitWatts = .unknown("amd-smi does not list \(gpu.busID)")
                    return
                }
                if let name = card.name { gpu.model = .value(name) }
                if gpu.vramBytes.value == nil, let vram = card.vramBytes { gpu.vramBytes = .value(vram) }
                if let target = card.gfxTarget { gpu.gfxTarget = .value(target) }
                gpu.powerLimitWatts = Fact(card.powerCapWatts, else: "amd-smi reports no power cap")
                gpu.defaultPowerLimitWatts = .unknown("amd-smi reports only the cap in force")
            }
        }
    }

    /// The record with the GPU's bus id; without one (some amd-smi releases print no `bus.bdf`), the one
    /// record of the GPU's PCI device id when exactly one GPU has that id, so a card is never misattributed.
    static func match(_ gpu: GPUFacts, cards: [AMDSMI.Card], amdGPUs: [GPUFacts]) -> AMDSMI.Card? {
        if let card = cards.first(where: { $0.busID.map(PCIAddress.normalize) == gpu.busID }) { return card }
        guard let device = gpu.deviceID.value?.lowercased(),
              amdGPUs.filter({ $0.deviceID.value?.lowercased() == device }).count == 1 else { return nil }
        let candidates = cards.filter { $0.busID == nil && $0.deviceID == device }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
