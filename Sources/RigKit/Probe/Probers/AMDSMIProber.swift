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
            return AMDCardMerge.update(with: parsed.cards, tool: "amd-smi")
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
}
