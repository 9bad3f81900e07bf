/// Everything rigctl knows about one distribution, in one place: which package manager it uses,
/// how NVIDIA's repositories name its releases, where its NVIDIA driver packages come from on each
/// architecture, and its release code names (for vendor repositories such as AMD's ROCm).
///
/// Adding a distribution is a case in `MachineSpec.OperatingSystem.Distro`, a profile here and, for
/// CUDA rules, its rows in `CUDAOSSupport`; the planner, the compatibility rules and `rigctl init`
/// read only this profile. Its package manager's commands, files and modules are `SystemPackageManager`'s
/// (docs/plan.md, "The package-manager seam and adding a distribution").
package struct DistributionProfile: Sendable, Equatable {
    /// The package manager the plan's install steps are written for (Linux: `systemPackages`).
    package enum PackageManager: String, Sendable, Equatable {
        /// apt/dpkg: `apt-get install`, `apt-mark hold`, `/etc/apt/preferences.d`, `dpkg-query` guards.
        case apt
        /// Homebrew: a generated Brewfile, `brew bundle check` as the guard, `brew bundle install` to act;
        /// run as the user, never as root (Homebrew refuses root: docs.brew.sh/FAQ, "Why does Homebrew say sudo is bad?").
        case homebrew
    }

    /// The kind of system: what the probers read and where the user's files live.
    package enum Platform: String, Sendable, Equatable {
        /// `/proc`, `/sys`, os-release, systemd, apt; the user's files under `~/.config`.
        case linux
        /// `sw_vers`, `sysctl`, `system_profiler`, Homebrew; the user's files under `~/Library/Application Support`.
        case macOS
    }

    /// Where the NVIDIA driver packages come from.
    package enum DriverSource: String, Sendable, Equatable {
        /// The distribution's own archive: one package per branch and flavour (`nvidia-driver-570-open`).
        case distributionArchive
        /// NVIDIA's CUDA repository: `nvidia-open` or `cuda-drivers`, kept on a branch by an apt preference.
        case nvidiaRepository
    }

    /// How NVIDIA's repository directory spells a release: `ubuntu2404`, `debian12`.
    package enum ReleaseSpelling: Sendable, Equatable {
        /// `24.04` → `2404`.
        case withoutDots
        /// `12.5` → `12`.
        case majorOnly
    }

    package let distro: MachineSpec.OperatingSystem.Distro
    /// As people write it: `Ubuntu`, `Pop!_OS`.
    package let displayName: String
    package let platform: Platform
    package let packageManager: PackageManager
    /// The architectures rigctl plans for on this system, the first the default when a spec names none.
    package let architectures: [MachineSpec.OperatingSystem.Architecture]
    /// The distribution whose release numbers NVIDIA's repositories and rigctl's CUDA tables use
    /// (Pop!_OS 22.04 is built on Ubuntu 22.04 and uses its repositories).
    package let releaseBase: MachineSpec.OperatingSystem.Distro
    /// NVIDIA's repository directory prefix (`ubuntu`, `debian`) and how the release follows it.
    package let nvidiaRepositoryPrefix: String
    package let nvidiaReleaseSpelling: ReleaseSpelling
    /// Architectures whose NVIDIA driver comes from the distribution's archive; on the others
    /// the driver comes from NVIDIA's repository.
    package let archiveDriverArchitectures: Set<MachineSpec.OperatingSystem.Architecture>
    /// Release → code name (`VERSION_CODENAME`), for repositories keyed by code name.
    package let codenames: [String: String]
    /// Where the facts above come from.
    package let source: String

    /// NVIDIA's repository directory for a release: `ubuntu2404`, `debian12`.
    package func nvidiaRepositoryDirectory(release: String) -> String {
        switch nvidiaReleaseSpelling {
        case .withoutDots: nvidiaRepositoryPrefix + release.filter { $0 != "." }
        case .majorOnly: nvidiaRepositoryPrefix + (release.split(separator: ".").first.map(String.init) ?? release)
        }
    }

    package func nvidiaDriverSource(_ architecture: MachineSpec.OperatingSystem.Architecture) -> DriverSource {
        archiveDriverArchitectures.contains(architecture) ? .distributionArchive : .nvidiaRepository
    }

    /// The release's code name (`noble`), or nil when rigctl does not know the release.
    package func codename(_ release: String) -> String? { codenames[release] }

    /// The architecture planned for when the spec names none.
    package var defaultArchitecture: MachineSpec.OperatingSystem.Architecture { architectures.first ?? .amd64 }

    /// What `uname -m` prints for `architecture` here: Linux says `aarch64`, macOS says `arm64`
    /// (uname(1) on Apple Silicon; `hw.machine` is `arm64`).
    package func unameMachine(_ architecture: MachineSpec.OperatingSystem.Architecture) -> String {
        platform == .macOS && architecture == .arm64 ? "arm64" : architecture.kernelName
    }

    /// Whether a probed version is the release the spec names. On Linux `VERSION_ID` is the release
    /// itself; on macOS a spec names a major version (`15`, or `15.5`) and any update of it matches
    /// (`sw_vers -productVersion` prints `15.5` or `15.5.1`).
    package func releaseMatches(spec release: String, probed: String) -> Bool {
        guard platform == .macOS else { return probed == release }
        let wanted = release.split(separator: ".")
        let found = probed.split(separator: ".")
        return found.count >= wanted.count && zip(wanted, found).allSatisfy { $0 == $1 }
    }

    /// The profile of `distro`.
    package static func of(_ distro: MachineSpec.OperatingSystem.Distro) -> DistributionProfile {
        switch distro {
        case .ubuntu: ubuntu
        case .debian: debian
        case .pop: pop
        case .macos: macos
        }
    }

    /// The profile whose os-release `ID` this is, or nil for a distribution rigctl does not know.
    package static func of(osReleaseID id: String) -> DistributionProfile? {
        MachineSpec.OperatingSystem.Distro(rawValue: id.lowercased()).map(of)
    }

    /// Every distribution rigctl knows, in the order the docs list them.
    package static var all: [DistributionProfile] { MachineSpec.OperatingSystem.Distro.allCases.map(of) }

    // Code names: which-distro/os-release ubuntu/22.04, ubuntu/24.04, debian/12 (Tests/RigKitTests/Fixtures/tools/11_os_release);
    // Ubuntu 20.04 focal and Debian 11 bullseye from the same collection's VERSION_CODENAME lines.
    private static let ubuntuCodenames = ["20.04": "focal", "22.04": "jammy", "24.04": "noble"]

    /// Ubuntu's archive has `nvidia-driver-<branch>[-open]` for amd64. On arm64 (DGX Spark, Grace) the
    /// driver comes from NVIDIA's `sbsa` repository, as NVIDIA's repository index lists it
    /// (`compute/cuda/repos/ubuntu2404/sbsa`: `nvidia-open`, `cuda-drivers`) and DGX OS installs it.
    static let ubuntu = DistributionProfile(
        distro: .ubuntu, displayName: "Ubuntu", platform: .linux, packageManager: .apt, architectures: [.amd64, .arm64], releaseBase: .ubuntu,
        nvidiaRepositoryPrefix: "ubuntu", nvidiaReleaseSpelling: .withoutDots,
        archiveDriverArchitectures: [.amd64], codenames: ubuntuCodenames,
        source: "NVIDIA CUDA repository index developer.download.nvidia.com/compute/cuda/repos/{ubuntu2204,ubuntu2404}/{x86_64,sbsa}")

    /// Debian's own archive has a single old driver branch, so the driver comes from NVIDIA's repository
    /// on every architecture (NVIDIA driver installation guide, "Version locking" for APT).
    static let debian = DistributionProfile(
        distro: .debian, displayName: "Debian", platform: .linux, packageManager: .apt, architectures: [.amd64, .arm64], releaseBase: .debian,
        nvidiaRepositoryPrefix: "debian", nvidiaReleaseSpelling: .majorOnly,
        archiveDriverArchitectures: [], codenames: ["11": "bullseye", "12": "bookworm"],
        source: "NVIDIA CUDA repository index compute/cuda/repos/debian12/x86_64; cuda-repo-management README (debian12 keyring)")

    /// Pop!_OS the Pop way is Ubuntu's package names from Pop's own repository: `system76-driver-nvidia`
    /// is a dummy package that depends on `nvidia-driver-580-open | nvidia-driver-580 | nvidia-driver-570-open | …`
    /// (pop-os/system76-driver debian/control @7e88145), built by pop-os/nvidia-graphics-drivers for amd64 and arm64.
    /// It follows whatever branch System76 tested last and its description says to remove it to stay on a
    /// branch, so rigctl installs the branch package the spec names — the same package it would pull — and
    /// never `system76-driver-nvidia`. CUDA comes from NVIDIA's Ubuntu repository of the same release.
    static let pop = DistributionProfile(
        distro: .pop, displayName: "Pop!_OS", platform: .linux, packageManager: .apt, architectures: [.amd64, .arm64], releaseBase: .ubuntu,
        nvidiaRepositoryPrefix: "ubuntu", nvidiaReleaseSpelling: .withoutDots,
        archiveDriverArchitectures: [.amd64, .arm64], codenames: ubuntuCodenames,
        source: "pop-os/system76-driver debian/control (system76-driver-nvidia Depends); pop-os/nvidia-graphics-drivers amd64/ and arm64/ runfiles")
}

extension DistributionProfile {
    /// macOS on Apple Silicon. No NVIDIA or CUDA (load rejects those keys: `PlatformKeys`), so the
    /// NVIDIA fields are empty. Release names: Apple's macOS release list (13 Ventura, 14 Sonoma, 15 Sequoia, 26 Tahoe).
    static let macos = DistributionProfile(
        distro: .macos, displayName: "macOS", platform: .macOS, packageManager: .homebrew, architectures: [.arm64],
        releaseBase: .macos, nvidiaRepositoryPrefix: "", nvidiaReleaseSpelling: .majorOnly,
        archiveDriverArchitectures: [], codenames: ["13": "ventura", "14": "sonoma", "15": "sequoia", "26": "tahoe"],
        source: "Apple Silicon Macs only (Intel Macs are not planned for); sw_vers(1), uname(1), Homebrew docs (docs.brew.sh)")
}

extension MachineSpec.OperatingSystem.Distro {
    /// Whether this is macOS (the spec's decoding picks Mac defaults by it).
    package var profilePlatformIsMac: Bool { DistributionProfile.of(self).platform == .macOS }
}

extension MachineSpec.OperatingSystem.Architecture {
    /// The architecture directory of NVIDIA's CUDA repositories: `x86_64`, and `sbsa` (server base system
    /// architecture) for 64-bit Arm servers and desktops — Grace, GH200, GB200, DGX Spark. (`arm64` there is
    /// Jetson's L4T, not these.) Source: the repository index pages `compute/cuda/repos/ubuntu2404/sbsa`
    /// and `…/ubuntu2004/arm64`.
    package var nvidiaRepositoryName: String {
        switch self {
        case .amd64: "x86_64"
        case .arm64: "sbsa"
        }
    }
}

extension MachineSpec.OperatingSystem {
    /// `ubuntu 24.04`, or `ubuntu 24.04 arm64` off the platform's default architecture, as plans and messages name the system.
    package var summary: String {
        "\(distro.rawValue) \(release)" + (architecture == profile.defaultArchitecture ? "" : " \(architecture.rawValue)")
    }
}
