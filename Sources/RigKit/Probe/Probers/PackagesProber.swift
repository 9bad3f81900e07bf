import RigSpec
import RigSystem
/// Installed Debian packages and versions from `dpkg-query` (only when asked: the slow one).
package struct PackagesProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.packages] }
    package var runsCommands: Bool { true }

    static let argv = ["dpkg-query", "-W", "-f", "${Package}\t${Version}\t${db:Status-Status}\n"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(Self.argv, timeout: timeout)
        if let reason = result.failureReason(program: "dpkg-query") { return unavailable(reason) }
        var packages: [String: PackageFacts] = [:]
        let lines = result.output.split(separator: "\n")
        var wellFormed = 0
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, Self.statuses.contains(fields[2]) else { continue }
            wellFormed += 1
            guard fields[2] == "installed", !fields[0].isEmpty else { continue }
            packages[fields[0]] = PackageFacts(name: fields[0], version: fields[1])
        }
        if wellFormed == 0 && !lines.isEmpty { return unavailable("dpkg-query printed nothing rigctl can read") }
        let sorted = packages.values.sorted { $0.name < $1.name }
        return FactsUpdate { $0.packages = .value(sorted) }
    }

    /// `db:Status-Status` values (dpkg-query(1)); a line without one is not dpkg-query's.
    static let statuses: Set<String> = ["not-installed", "config-files", "half-installed", "unpacked", "half-configured",
                                         "triggers-awaited", "triggers-pending", "installed"]

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.packages = .unknown(reason) }
    }
}
