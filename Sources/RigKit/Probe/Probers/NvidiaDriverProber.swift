import RigSpec
import RigSystem
/// The loaded NVIDIA kernel module: `/proc/driver/nvidia/version` (version and open/proprietary),
/// else `/sys/module/nvidia/version` (version only). Never starts nvidia-smi.
package struct NvidiaDriverProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.nvidiaDriver] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        var driver = NvidiaDriverFacts()
        let proc = system.readTextResult("/proc/driver/nvidia/version")
        if case .success(let text) = proc, let parsed = ProcDriverNvidiaVersion.parse(text) {
            driver.version = .value(parsed.version)
            driver.flavor = .value(parsed.flavor.rawValue)
        } else if let text = try? system.readText("/sys/module/nvidia/version"),
                  let version = ProcDriverNvidiaVersion.moduleVersion(text) {
            driver.version = .value(version)
            driver.flavor = .unknown("/proc/driver/nvidia/version unreadable; /sys/module/nvidia/version does not say open or proprietary")
        } else {
            let reason: String
            switch proc {
            case .failure(.notFound): reason = "NVIDIA kernel module not loaded"
            case .failure(let error): reason = error.description
            case .success: reason = "/proc/driver/nvidia/version has no NVRM version line"
            }
            driver.version = .unknown(reason)
            driver.flavor = .unknown(reason)
        }
        let result = driver
        return FactsUpdate { $0.nvidiaDriver = result }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.nvidiaDriver?.version = .unknown(reason)
            facts.nvidiaDriver?.flavor = .unknown(reason)
        }
    }
}
