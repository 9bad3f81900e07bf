import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// A check, run on the machine, that tells whether a step is already done. Emitters turn it into
/// shell conditions; Ansible's modules check the same things themselves.
package indirect enum StepGuard: Sendable, Equatable {
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
    /// The file exists and is not empty (a downloaded key whose bytes rigctl does not know).
    case fileExists(String)
    /// The user is in every one of these groups.
    case userInGroups([String])
    /// Every theme file already reads as installed: whole files and blocks as rendered, a settings
    /// file present (scripts and playbooks create it; only `rigctl apply` merges into an existing one).
    case dotfilesCurrent([RenderedFile])
    /// DKMS has the nvidia module installed for the running and the newest kernel in /boot (or DKMS builds no nvidia module).
    case dkmsModulesCurrent
    /// `/usr/local/cuda` resolves to a `cuda-X.Y` directory the spec allows.
    case cudaDefault(CUDADefault)
    /// Every user is a member of the group.
    case usersInGroup(GroupMembers)
    /// The docker daemon answers and knows this runtime (`docker info`'s `Runtimes`).
    case dockerRuntime(String)
    /// The systemd unit is enabled and active.
    case unitActive(String)
    /// The static hostname is this and `/etc/hosts` maps `127.0.1.1` to it.
    case hostnameIs(String)
    /// The loaded NVIDIA kernel module is the installed one (no reboot pending).
    case driverModuleLoaded
    /// The environment exists with its interpreter version and uv's offline dry run would change nothing.
    case pythonEnvironmentCurrent(PythonEnvironment)
    /// `brew bundle check` finds everything in the Brewfile installed.
    case brewBundleSatisfied(Brewfile)
    /// No machine check exists: a person confirms it.
    case confirmedByPerson

    /// The guard in words, for `rigctl plan --format text`.
    package var summary: String {
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
        case .fileExists(let path):
            return "\(path) present"
        case .userInGroups(let groups):
            return "the user is in the groups " + groups.joined(separator: ", ")
        case .dotfilesCurrent(let files):
            return files.map { file in
                if case .jsonSettings(let edit) = file.installation { return "~/\(file.path) has \(edit.key)" }
                return "~/\(file.path) up to date"
            }.joined(separator: ", ")
        case .dkmsModulesCurrent:
            return "dkms status shows the nvidia module installed for the running and the newest kernel"
        case .cudaDefault(let target):
            return "/usr/local/cuda leads to \(target.summary)"
        case .usersInGroup(let members):
            return members.users.joined(separator: ", ") + " in the group \(members.group)"
        case .dockerRuntime(let runtime):
            return "docker info lists the runtime \(runtime)"
        case .unitActive(let unit):
            return "\(unit) enabled and active"
        case .hostnameIs(let name):
            return "hostname is \(name) and /etc/hosts maps 127.0.1.1 to it"
        case .driverModuleLoaded:
            return "the loaded nvidia kernel module is the installed one"
        case .pythonEnvironmentCurrent(let environment):
            return "\(environment.interpreter) is Python \(environment.version) and `uv pip install --dry-run --offline` would change nothing"
        case .brewBundleSatisfied:
            return "`brew bundle check --no-upgrade` finds the Brewfile's packages installed"
        case .confirmedByPerson:
            return "a person confirms it"
        }
    }
}
