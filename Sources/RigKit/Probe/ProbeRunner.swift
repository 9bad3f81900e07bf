import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// Runs the probers a command needs, concurrently, each bounded by the timeout.
package enum ProbeRunner {
    /// Every prober, in the order their updates are applied (GPU sources merge in this order:
    /// PCI first, then nvidia-smi and rocm-smi add what they know; the kernel module's driver
    /// version comes before nvidia-smi's, which fills it only where the module said nothing).
    package static let probers: [any Prober] = [
        OSReleaseProber(), KernelProber(), HostnameProber(), CPUProber(), MemoryProber(),
        PCIProber(), NvidiaDriverProber(), NvidiaSMIProber(), AMDSMIProber(), CUDAProber(),
        StorageProber(), BoardProber(), FirmwareProber(), PackagesProber(), DriverHealthProber(), ROCmProber(), ContainersProber(),
        MacSystemProber(), BrewPackagesProber(),
    ]

    /// Gathers the `wanted` groups from `system`. A prober that does not finish within
    /// `timeout` (plus a short grace for its own bookkeeping) leaves its facts unknown.
    /// Only the probers of the system's platform run, and only the groups that platform has are
    /// gathered (a Mac has no PCI GPUs or dpkg to ask; Linux has no Apple chip).
    package static func probe(_ wanted: Set<FactGroup>, on system: any System, timeout: Duration = .seconds(5),
                             probers: [any Prober] = ProbeRunner.probers) async -> Facts {
        let platform = ProbePlatform.detect(system)
        let wanted = wanted.intersection(FactGroup.gathered(on: platform))
        let chosen = probers.filter { $0.platforms.contains(platform) && !$0.groups.isDisjoint(with: wanted) }
        let updates = await withTaskGroup(of: (Int, FactsUpdate).self) { group in
            for index in startOrder(chosen) {
                let prober = chosen[index]
                group.addTask {
                    (index, await withDeadline(timeout, prober: prober, system: system))
                }
            }
            var updates: [Int: FactsUpdate] = [:]
            for await (index, update) in group { updates[index] = update }
            return updates
        }
        var facts = Facts(placeholdersFor: wanted)
        for index in chosen.indices { updates[index]?.apply(&facts) }
        facts.keep(only: wanted)
        return facts
    }

    /// The order the probers start in: those that run programs first, so a program's time overlaps
    /// the file readers' work. Updates are applied in the list's order whatever the finishing order.
    static func startOrder(_ probers: [any Prober]) -> [Int] {
        probers.indices.filter { probers[$0].runsCommands } + probers.indices.filter { !probers[$0].runsCommands }
    }

    /// The prober's update, or `unavailable` when it overruns. The prober keeps running in the
    /// background (a command is killed by its own timeout) but nobody waits for it.
    static func withDeadline(_ timeout: Duration, prober: any Prober, system: any System) async -> FactsUpdate {
        let deadline = timeout + .milliseconds(500)
        let once = Once<FactsUpdate>()
        return await withCheckedContinuation { continuation in
            once.continuation = continuation
            let timer = Task {
                try await Task.sleep(for: deadline)
                once.resume(prober.unavailable("timed out after \(seconds(timeout)) s"))
            }
            Task {
                let update = await prober.probe(on: system, timeout: timeout)
                timer.cancel()
                once.resume(update)
            }
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value.wholeNumberText ?? String(cFormat: "%.1f", value)
    }
}

/// Which kind of system a probe runs on, from what is there: macOS keeps its version in
/// `/System/Library/CoreServices/SystemVersion.plist` (the file sw_vers(1) reads); Linux has none.
package enum ProbePlatform {
    package static let macOSMarker = "/System/Library/CoreServices/SystemVersion.plist"

    package static func detect(_ system: any SystemReader) -> DistributionProfile.Platform {
        system.fileExists(macOSMarker) ? .macOS : .linux
    }
}

/// Resumes a continuation with the first value offered; later ones are dropped.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    var continuation: CheckedContinuation<T, Never>?

    func resume(_ value: T) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}
