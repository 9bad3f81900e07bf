import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// How the spec's NVIDIA driver constraint becomes apt packages on this distribution.
///
/// Ubuntu (amd64) and Pop!_OS ship one package per branch and flavour (`nvidia-driver-570-open`).
/// Where the distribution profile says the driver comes from NVIDIA's repository (Debian; Ubuntu on
/// arm64), rigctl installs `nvidia-open` or `cuda-drivers` and locks the branch with an apt preference,
/// as NVIDIA's driver installation guide ("Version locking") recommends for APT.
package struct NVIDIADriverInstall: Sendable, Equatable {
    /// Which source the distribution profile names for this architecture.
    package typealias Source = DistributionProfile.DriverSource

    /// What the spec pins.
    package enum Pinning: Sendable, Equatable {
        /// `"570"`: any driver of the branch.
        case branch(Int)
        /// `"570.124.06"`: versions starting with these components; held.
        case exact(Version)
        /// `">=570"`: the branch or newer; the oldest allowed branch is installed when none is.
        case atLeast(Version)
    }

    package var constraint: VersionConstraint
    package var flavor: MachineSpec.Drivers.NVIDIA.Flavor
    package var source: Source
    package var pinning: Pinning
    /// The package to install, with the versions it may have and whether it is held.
    package var package: AptPin
    /// Debian: the apt preference that keeps the driver on its branch or version.
    package var preferences: SystemFile?

    /// Full NVIDIA driver versions have three components (`570.124.06`).
    static let fullVersionComponents = 3

    package init(driver: MachineSpec.Drivers.NVIDIA, os: MachineSpec.OperatingSystem) {
        constraint = driver.version
        flavor = driver.flavor
        source = os.profile.nvidiaDriverSource(os.architecture)
        switch (driver.version.kind, driver.version.version.components.count) {
        case (.atLeast, _): pinning = .atLeast(driver.version.version)
        case (.prefix, 1): pinning = .branch(driver.version.branch)
        case (.prefix, _): pinning = .exact(driver.version.version)
        }

        let name: String
        switch source {
        case .distributionArchive:
            name = "nvidia-driver-\(driver.version.branch)" + (flavor == .open ? "-open" : "")
        case .nvidiaRepository:
            name = flavor == .open ? "nvidia-open" : "cuda-drivers"
        }

        switch (pinning, source) {
        case (.exact(let version), _):
            package = AptPin(name: name, versionGlob: AptPin.versionGlob(for: version, fullComponents: Self.fullVersionComponents), hold: true)
        case (.branch(let branch), .nvidiaRepository):
            package = AptPin(name: name, versionGlob: "\(branch).*")
        case (.branch, .distributionArchive), (.atLeast, _):
            package = AptPin(name: name)
        }

        if source == .nvidiaRepository, let glob = package.versionGlob {
            preferences = os.systemPackages.preferenceFile(PackagePreference(
                name: "rigctl-nvidia-driver",
                explanation: "Managed by rigctl: keeps the NVIDIA driver at \(driver.version) (drivers.nvidia.version).",
                packages: ["nvidia-*", "libnvidia-*", "libcuda*", "libnvcuvid*", "libnvoptix*", "libxnvctrl*", "firmware-nvidia-*", "cuda-drivers*"],
                pin: .version(glob), priority: 1001))
        } else {
            preferences = nil
        }
    }

    /// The oldest branch the spec allows.
    package var minimumBranch: Int { constraint.branch }
}
