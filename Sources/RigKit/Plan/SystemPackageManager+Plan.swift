import RigSpec

/// A vendor's package repository, as its install guide describes it: where the packages are, which
/// suite and components, for which architectures, and the key that signs it. The package manager
/// writes it as its own sources file (`SystemPackageManager.sourcesFile(for:)`).
package struct PackageRepository: Sendable, Equatable {
    /// The file's name without directory or extension: `docker`, `rocm`.
    package var name: String
    /// A first line saying who manages the file and why, or nil for none.
    package var comment: String?
    package var url: String
    /// apt's suite (`noble`; `/` for a flat repository).
    package var suite: String
    package var components: [String]
    /// The architectures the entry is limited to; empty for the package manager's default (the machine's).
    package var architectures: [String]
    /// The key file that vouches for this repository only.
    package var keyring: String

    package init(name: String, comment: String? = nil, url: String, suite: String, components: [String] = [],
                 architectures: [String] = [], keyring: String) {
        self.name = name
        self.comment = comment
        self.url = url
        self.suite = suite
        self.components = components
        self.architectures = architectures
        self.keyring = keyring
    }
}

/// A preference that keeps packages at versions matching a glob, or prefers one origin's packages.
package struct PackagePreference: Sendable, Equatable {
    package enum Pin: Sendable, Equatable {
        /// Versions matching the glob (`570.*`).
        case version(String)
        /// Packages from the repository whose origin is this host (`repo.radeon.com`).
        case origin(String)
    }

    /// The file's name: `rigctl-nvidia-driver`.
    package var name: String
    /// Why the preference exists, in a sentence.
    package var explanation: String
    /// Package names or globs it applies to (`*` for all).
    package var packages: [String]
    package var pin: Pin
    /// apt's priority: above 1000 installs even a downgrade; 600 wins over the distribution's 500.
    package var priority: Int

    package init(name: String, explanation: String, packages: [String], pin: Pin, priority: Int) {
        self.name = name
        self.explanation = explanation
        self.packages = packages
        self.pin = pin
        self.priority = priority
    }
}

/// The plan's concern of the package manager: the files it reads for repositories, keys and preferences,
/// and the names its distributions give to packages every plan needs.
extension SystemPackageManager {
    /// A package at a version (or a version glob), as the install command and the playbook's module take it:
    /// apt's `name=version` (apt-get(8), `install`; the Ansible apt module's `name`). Without a version, the name.
    package func versioned(_ name: String, _ version: String?) -> String {
        guard let version else { return name }
        switch self {
        case .apt: return "\(name)=\(version)"
        }
    }

    /// The prefix of the package with a kernel's headers, which DKMS builds modules against; the kernel
    /// release follows it. apt: Debian's and Ubuntu's `linux-headers-<release>` (both install it for the
    /// running kernel as `linux-headers-$(uname -r)`: NVIDIA's installation guide and AMD's prerequisites).
    package var kernelHeadersPackagePrefix: String {
        switch self {
        case .apt: "linux-headers-"
        }
    }

    /// Where a downloaded repository key named `name` is kept: apt's `/etc/apt/keyrings/<name>.asc`, the
    /// directory Debian's sources.list(5) suggests for keys that `Signed-By` names; the `.asc` suffix tells apt
    /// the key is ASCII-armoured (sources.list(5), `Signed-By`; Docker's guide relies on it).
    package func keyringPath(_ name: String) -> String {
        switch self {
        case .apt: "/etc/apt/keyrings/\(name).asc"
        }
    }

    /// The sources file of one repository. apt: `/etc/apt/sources.list.d/<name>.list` with the one-line
    /// format of sources.list(5), `deb [arch=… signed-by=…] URI SUITE [COMPONENT…]`.
    package func sourcesFile(for repository: PackageRepository) -> SystemFile {
        switch self {
        case .apt:
            var options: [String] = []
            if !repository.architectures.isEmpty { options.append("arch=" + repository.architectures.joined(separator: ",")) }
            options.append("signed-by=" + repository.keyring)
            let entry = (["deb", "[" + options.joined(separator: " ") + "]", repository.url, repository.suite] + repository.components)
                .joined(separator: " ")
            let lines = (repository.comment.map { ["# " + $0] } ?? []) + [entry]
            return SystemFile(path: "/etc/apt/sources.list.d/\(repository.name).list", contents: lines.joined(separator: "\n") + "\n")
        }
    }

    /// The file that holds a preference. apt: `/etc/apt/preferences.d/<name>`, in apt_preferences(5)'s
    /// format (`Package:`, `Pin: version GLOB` or `Pin: release o=ORIGIN`, `Pin-Priority:`), with an
    /// `Explanation:` line, which apt ignores.
    package func preferenceFile(_ preference: PackagePreference) -> SystemFile {
        switch self {
        case .apt:
            let pin = switch preference.pin {
            case .version(let glob): "version \(glob)"
            case .origin(let origin): "release o=\(origin)"
            }
            return SystemFile(path: "/etc/apt/preferences.d/\(preference.name)", contents: """
                Explanation: \(preference.explanation)
                Package: \(preference.packages.joined(separator: " "))
                Pin: \(pin)
                Pin-Priority: \(preference.priority)

                """)
        }
    }
}

extension MachineSpec.OperatingSystem {
    /// The package manager this system's install steps are written for: the profile's. A Mac has none (its
    /// packages come from a Brewfile, as the user), and its specs cannot name what would need one (`PlatformKeys`
    /// rejects `packages.apt`, drivers and containers there), so on a Mac no step uses this; the shell script's
    /// shared helpers are then apt's.
    package var systemPackages: SystemPackageManager { profile.systemPackages ?? .apt }
}
