import RigSpec
import RigSystem

/// The probe's concern of the package manager: the command that lists what is installed, and how to read it.
extension SystemPackageManager {
    /// The program that answers, named in the "not installed" reason.
    package var installedPackagesProgram: String {
        switch self {
        case .apt: "dpkg-query"
        }
    }

    /// The command that lists every package the package database knows, with its version and state.
    package var installedPackagesCommand: [String] {
        switch self {
        // dpkg-query(1): `-W -f` shows the fields named by the format; `db:Status-Status` is the package's state.
        case .apt: ["dpkg-query", "-W", "-f", "${Package}\t${Version}\t${db:Status-Status}\n"]
        }
    }

    /// The command that lists the held packages, one name a line (apt-mark(8), `showhold`).
    package var heldPackagesCommand: [String] {
        switch self {
        case .apt: ["apt-mark", "showhold"]
        }
    }

    /// The program of `heldPackagesCommand`, named in the "not installed" reason.
    package var heldPackagesProgram: String {
        switch self {
        case .apt: "apt-mark"
        }
    }

    /// The installed packages, sorted by name; nil when no line reads as the command's own (another program answered).
    package func installedPackages(from output: String) -> [PackageFacts]? {
        switch self {
        case .apt: Self.dpkgInstalled(output)
        }
    }

    /// Whether the machine upgrades packages by itself, and the packages it is told to leave alone.
    /// apt: Debian's unattended-upgrades, installed (its program exists) and switched on in any apt.conf.d
    /// file, the last setting winning; its `Unattended-Upgrade::Package-Blacklist`.
    package func automaticUpgrades(_ system: any System) -> (enabled: Fact<Bool>, blacklist: Fact<[String]>) {
        switch self {
        case .apt: Self.unattendedUpgrades(system)
        }
    }

    static let unattendedUpgradesProgram = "/usr/bin/unattended-upgrade"

    private static func unattendedUpgrades(_ system: any System) -> (enabled: Fact<Bool>, blacklist: Fact<[String]>) {
        guard system.fileExists(unattendedUpgradesProgram) else { return (.value(false), .value([])) }
        let names: [String]
        do { names = try system.listDirectory("/etc/apt/apt.conf.d") } catch {
            return (.unknown(error.description), .unknown(error.description))
        }
        var enabled = false
        var blacklist: [String] = []
        for name in names {
            guard let text = try? system.readText("/etc/apt/apt.conf.d/\(name)") else { continue }
            if let value = AptConf.value(of: "APT::Periodic::Unattended-Upgrade", in: text) {
                enabled = !(value == "0" || value.lowercased() == "false")
            }
            blacklist += AptConf.list("Unattended-Upgrade::Package-Blacklist", in: text).map { UntrustedText.escaped($0) }
        }
        return (.value(enabled), .value(blacklist))
    }

    /// `db:Status-Status` values (dpkg-query(1)); a line without one is not dpkg-query's.
    static let dpkgStatuses: Set<String> = ["not-installed", "config-files", "half-installed", "unpacked", "half-configured",
                                             "triggers-awaited", "triggers-pending", "installed"]

    private static func dpkgInstalled(_ output: String) -> [PackageFacts]? {
        var packages: [String: PackageFacts] = [:]
        let lines = output.split(separator: "\n")
        var wellFormed = 0
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, dpkgStatuses.contains(fields[2]) else { continue }
            wellFormed += 1
            guard fields[2] == "installed", !fields[0].isEmpty else { continue }
            packages[fields[0]] = PackageFacts(name: fields[0], version: fields[1])
        }
        if wellFormed == 0 && !lines.isEmpty { return nil }
        return packages.values.sorted { $0.name < $1.name }
    }
}
