import RigSpec
import RigSystem
/// The hostname the kernel holds (`/proc/sys/kernel/hostname`), else `/etc/hostname`.
package struct HostnameProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.hostname] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let hostname = Self.read(on: system)
        return FactsUpdate { $0.hostname = hostname }
    }

    /// The hostname without the probe machinery: the one way every command reads it
    /// (`plan`, `render` and `apply` pick the machine by it).
    package static func read(on system: any System) -> Fact<String> {
        if ProbePlatform.detect(system) == .macOS {
            return .unknown("macOS keeps its name in SystemConfiguration, read by `scutil --get LocalHostName` (rigctl probe, diff, snapshot and apply ask it); name the machine")
        }
        switch system.readTextResult("/proc/sys/kernel/hostname") {
        case .success(let text): return Fact(text.trimmed.nonEmpty, else: "the kernel hostname is empty")
        case .failure(let error):
            return (try? system.readText("/etc/hostname")).flatMap { $0.trimmed.nonEmpty }.map(Fact.value) ?? .unknown(error.description)
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.hostname = .unknown(reason) }
    }
}
