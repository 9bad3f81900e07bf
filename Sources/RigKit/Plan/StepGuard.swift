import RigSpec

/// A check, run on the machine, that tells whether a step is already done. Emitters turn it into
/// shell conditions; Ansible's modules check the same things themselves.
public indirect enum StepGuard: Sendable, Equatable {
    /// Every guard holds.
    case all([StepGuard])
    /// Each package is installed, at a version matching its glob, and held when it asks to be.
    case packagesInstalled([AptPin])
    /// Ubuntu: some `nvidia-driver-<branch>[-open]` of this flavour with branch ≥ minimum is installed.
    case driverBranchInstalled(flavor: MachineSpec.Drivers.NVIDIA.Flavor, minimumBranch: Int)
    /// The package is installed at this upstream version or newer (`dpkg --compare-versions`).
    case packageAtLeast(name: String, minimum: String)
    /// The file exists with exactly these contents.
    case fileContents(SystemFile)
    /// Every dotfile (whole file or managed block) already reads as rendered.
    case dotfilesCurrent([Dotfile])
    /// The systemd unit is enabled and active.
    case unitActive(String)
    /// The static hostname is this and `/etc/hosts` maps `127.0.1.1` to it.
    case hostnameIs(String)
    /// The loaded NVIDIA kernel module is the installed one (no reboot pending).
    case driverModuleLoaded
    /// No machine check exists: a person confirms it.
    case confirmedByPerson

    /// The guard in words, for `rigctl plan --format text`.
    public var summary: String {
        switch self {
        case .all(let guards):
            return guards.map(\.summary).joined(separator: "; ")
        case .packagesInstalled(let pins):
            let names = pins.map { pin in
                (pin.versionGlob.map { "\(pin.name) \($0)" } ?? pin.name) + (pin.hold ? " (held)" : "")
            }
            return (pins.count == 1 ? "package " : "packages ") + names.joined(separator: ", ") + " installed"
        case .driverBranchInstalled(let flavor, let minimumBranch):
            return "an nvidia-driver-<branch>\(flavor == .open ? "-open" : "") package with branch >= \(minimumBranch) installed"
        case .packageAtLeast(let name, let minimum):
            return "package \(name) >= \(minimum) installed"
        case .fileContents(let file):
            return "\(file.path) up to date"
        case .dotfilesCurrent(let files):
            return files.map { "~/\($0.path)" }.joined(separator: ", ") + " up to date"
        case .unitActive(let unit):
            return "\(unit) enabled and active"
        case .hostnameIs(let name):
            return "hostname is \(name) and /etc/hosts maps 127.0.1.1 to it"
        case .driverModuleLoaded:
            return "the loaded nvidia kernel module is the installed one"
        case .confirmedByPerson:
            return "a person confirms it"
        }
    }
}
