import RigSpec
import RigSystem

/// Merges what amd-smi or rocm-smi says about each AMD GPU into the PCI facts: the one place both
/// tools' readings meet the GPUs, so they match cards and word gaps the same way.
enum AMDCardMerge {
    /// `tool` names the source in the reasons (`amd-smi does not list 0000:03:00.0`).
    static func update(with cards: [AMDCard], tool: String) -> FactsUpdate {
        FactsUpdate { facts in
            let amdGPUs = facts.gpus?.value?.filter { $0.vendor == "amd" } ?? []
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "amd") { gpu in
                guard let card = match(gpu, cards: cards, amdGPUs: amdGPUs) else {
                    gpu.powerLimitWatts = .unknown("\(tool) does not list \(gpu.busID)")
                    gpu.defaultPowerLimitWatts = .unknown("\(tool) does not list \(gpu.busID)")
                    return
                }
                if let name = card.name { gpu.model = .value(name) }
                if gpu.vramBytes.value == nil, let vram = card.vramBytes { gpu.vramBytes = .value(vram) }
                if let target = card.gfxTarget { gpu.gfxTarget = .value(target) }
                gpu.powerLimitWatts = Fact(card.powerCapWatts, else: "\(tool) reports no power cap")
                gpu.defaultPowerLimitWatts = .unknown("\(tool) reports only the cap in force")
            }
        }
    }

    /// The record with the GPU's bus id; without one (some amd-smi releases print no `bus.bdf`), the one
    /// record of the GPU's PCI device id when exactly one GPU has that id, so a card is never misattributed.
    static func match(_ gpu: GPUFacts, cards: [AMDCard], amdGPUs: [GPUFacts]) -> AMDCard? {
        if let card = cards.first(where: { $0.busID.map(PCIAddress.normalize) == gpu.busID }) { return card }
        guard let device = gpu.deviceID.value?.lowercased(),
              amdGPUs.filter({ $0.deviceID.value?.lowercased() == device }).count == 1 else { return nil }
        let candidates = cards.filter { $0.busID == nil && $0.deviceID == device }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
