/// The package manager of a Linux distribution's own packages: the one seam every package-manager word
/// of rigctl goes through. The distribution profile names it (`DistributionProfile.systemPackages`); each
/// layer keeps its own concern of it in one file, as an extension that switches on this enum:
///
/// - the probe: which command lists the installed packages and how to read it (`SystemPackageManager+Probe.swift`);
/// - the plan: where a repository's key and sources file go and what they say, how a version is locked,
///   how a package is named at a version (`SystemPackageManager+Plan.swift`);
/// - the shell script: the commands and the helpers that install, hold and query (`SystemPackageManager+Shell.swift`);
/// - the playbook: the Ansible modules and their arguments (`SystemPackageManager+Ansible.swift`).
///
/// Adding a package manager (dnf) is a case here; the compiler then points at the one `switch` in each
/// of those files that needs its arm (docs/plan.md, "Adding a distribution").
package enum SystemPackageManager: String, Sendable, Equatable, CaseIterable {
    /// apt and dpkg: Debian and the distributions built on it (Ubuntu, Pop!_OS).
    case apt

    /// The tool's name as plans and titles say it: `apt`.
    package var name: String {
        switch self {
        case .apt: "apt"
        }
    }
}

extension DistributionProfile {
    /// The package manager of the system's own packages, or nil where rigctl installs none as root
    /// (macOS: Homebrew runs as the user, through a Brewfile).
    package var systemPackages: SystemPackageManager? {
        switch packageManager {
        case .apt: .apt
        case .homebrew: nil
        }
    }
}
