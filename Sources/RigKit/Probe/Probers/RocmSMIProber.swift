import RigSpec
import RigSystem
/// AMD GPUs' names, gfx targets, VRAM and power caps from `rocm-smi --json`, merged by PCI bus id: the
/// fallback `AMDSMIProber` runs where amd-smi (ROCm 6+) is missing.
package struct RocmSMIProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.gpus] }
    package var runsCommands: Bool { true }

    static let argv = ["rocm-smi", "--showproductname", "--showbus", "--showmeminfo", "vram", "--showmaxpower", "--json"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(Self.argv, timeout: timeout)
        if let reason = result.failureReason(program: "rocm-smi") { return unavailable(reason) }
        guard let parsed = RocmSMI.parseJSON(result.stdout) else { return unavailable("rocm-smi printed no JSON") }
        let cards = parsed.cards
        return FactsUpdate { facts in
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "amd") { gpu in
                guard let card = cards.first(where: { $0.busID.map(PCIAddress.normalize) == gpu.busID }) else {
                    gpu.powerLimitWatts = .unknown("rocm-smi does not list \(gpu.busID)")
                    gpu.defaultPowerLimitWatts = .unknown("rocm-smi does not list \(gpu.busID)")
                    return
                }
                if let name = card.name { gpu.model = .value(name) }
                if gpu.vramBytes.value == nil, let vram = card.vramBytes { gpu.vramBytes = .value(vram) }
                if let target = card.gfxTarget { gpu.gfxTarget = .value(target) }
                gpu.powerLimitWatts = Fact(card.powerCapWatts, else: "rocm-smi reports no power cap")
                gpu.defaultPowerLimitWatts = .unknown("rocm-smi reports only the cap in force")
            }
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "amd") { gpu in
                gpu.powerLimitWatts = .unknown(reason)
                gpu.defaultPowerLimitWatts = .unknown(reason)
            }
        }
    }
}
