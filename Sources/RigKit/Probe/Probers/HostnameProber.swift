/// The hostname the kernel holds (`/proc/sys/kernel/hostname`), else `/etc/hostname`.
public struct HostnameProber: Prober {
    public init() {}
    public var groups: Set<FactGroup> { [.hostname] }

    public func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let hostname: Fact<String>
        switch system.readTextResult("/proc/sys/kernel/hostname") {
        case .success(let text): hostname = Fact(text.trimmed.nonEmpty, else: "the kernel hostname is empty")
        case .failure(let error):
            hostname = (try? system.readText("/etc/hostname")).flatMap { $0.trimmed.nonEmpty }.map(Fact.value) ?? .unknown(error.description)
        }
        return FactsUpdate { $0.hostname = hostname }
    }

    public func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.hostname = .unknown(reason) }
    }
}
