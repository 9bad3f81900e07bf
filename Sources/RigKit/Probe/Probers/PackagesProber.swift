import RigSpec
import RigSystem
/// Installed Debian packages and versions from `dpkg-query` (only when asked: the slow one).
public struct PackagesProber: Prober {
    public init() {}
    public var groups: Set<FactGroup> { [.packages] }

    static let argv = ["dpkg-query", "-W", "-f", "${Package}\t${Version}\t${db:Status-Status}\n"]

    public func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(Self.argv, timeout: timeout)
        if let reason = result.failureReason(program: "dpkg-query") { return unavailable(reason) }
        var packages: [String: PackageFacts] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, fields[2] == "installed", !fields[0].isEmpty else { continue }
            packages[fields[0]] = PackageFacts(name: fields[0], version: fields[1])
        }
        let sorted = packages.values.sorted { $0.name < $1.name }
        return FactsUpdate { $0.packages = .value(sorted) }
    }

    public func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.packages = .unknown(reason) }
    }
}
