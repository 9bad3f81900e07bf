import RigSpec
import RigSystem
/// AMD GPUs' names, gfx targets, VRAM and power caps from `rocm-smi --json`, merged as amd-smi's are (`AMDCardMerge`): the
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
        return AMDCardMerge.update(with: parsed.cards, tool: "rocm-smi")
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
