import RigSpec
import RigSystem
/// Installed system packages and versions from the package manager's database (only when asked: the slow one).
/// The command and its reading are the package manager's (`SystemPackageManager+Probe.swift`).
package struct PackagesProber: Prober {
    package var manager: SystemPackageManager

    package init(manager: SystemPackageManager = .apt) { self.manager = manager }
    package var groups: Set<FactGroup> { [.packages] }
    package var runsCommands: Bool { true }

    /// apt's query (`dpkg-query -W -f …`), the one Linux machines answer today.
    static let argv = SystemPackageManager.apt.installedPackagesCommand

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(manager.installedPackagesCommand, timeout: timeout)
        if let reason = result.failureReason(program: manager.installedPackagesProgram) { return unavailable(reason) }
        guard let packages = manager.installedPackages(from: result.output) else {
            return unavailable("\(manager.installedPackagesProgram) printed nothing rigctl can read")
        }
        return FactsUpdate { $0.packages = .value(packages) }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.packages = .unknown(reason) }
    }
}
