import RigText
import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// AMD ROCm from AMD's own apt repositories, the way AMD's Ubuntu native installation guide does it
/// (ROCm/rocm-install-on-linux `docs/install/native-install/ubuntu.rst`, branches docs/6.0.0 … docs/6.2.4):
/// the signing key `https://repo.radeon.com/rocm/rocm.gpg.key` in `/etc/apt/keyrings`, the kernel driver's
/// repository `repo.radeon.com/amdgpu/<release>/ubuntu <codename> main` in `amdgpu.list`, ROCm's
/// `repo.radeon.com/rocm/apt/<release> <codename> main` in `rocm.list`, both `[arch=amd64 signed-by=…]`,
/// the preference `rocm-pin-600` (`Pin: release o=repo.radeon.com`, priority 600), then `amdgpu-dkms` and
/// the `rocm` meta package; the prerequisites page ("Configuring permissions for GPU access") adds the
/// user to the `video` and `render` groups.
///
/// One difference: the key is stored as AMD publishes it (ASCII armour, `rocm.asc`) instead of through
/// `gpg --dearmor`, which apt reads the same since apt 1.4 (sources.list(5), `Signed-By`: "ASCII-armored
/// keys … with the .asc extension") and which needs no `gpg` on the machine.
///
/// The repository directory is the release itself, so the release is pinned by where apt looks; both
/// packages are also held (`apt-mark hold`) so an upgrade cannot move them once another source offers them.
package struct ROCmInstall: Sendable, Equatable {
    package var constraint: VersionConstraint
    /// AMD's directory name of the release: `6.2.4`, `6.2` (AMD names x.y.0 by `x.y`).
    package var release: String
    /// The distribution release's code name (`noble`), from the distribution profile; nil when rigctl
    /// does not know it (the `os-supports-rocm` rule reports that spec).
    package var codename: String?
    package var keyring: String
    package var sources: [SystemFile]
    package var preferences: SystemFile
    /// `amdgpu-dkms` then `rocm`, both held.
    package var packages: [AptPin]
    /// The running kernel's packages DKMS builds amdgpu against, as the prerequisites page installs them
    /// ("Kernel headers and development packages", Ubuntu: `linux-headers-$(uname -r)` and
    /// `linux-modules-extra-$(uname -r)`): each prefix is followed by the kernel release on the machine.
    package var kernelPackagePrefixes: [String]
    /// The groups the user needs for `/dev/kfd` and the render nodes.
    package var groups: [String]

    /// AMD's key, as `https://repo.radeon.com/rocm/rocm.gpg.key` serves it.
    package static let keyURL = "https://repo.radeon.com/rocm/rocm.gpg.key"
    package static let driverPackage = "amdgpu-dkms"
    package static let metaPackage = "rocm"

    /// For `>=X.Y` the named minimum is installed, as for CUDA.
    package init(constraint: VersionConstraint, os: MachineSpec.OperatingSystem) {
        self.constraint = constraint
        let release = Self.directory(constraint.version)
        self.release = release
        codename = DistributionProfile.of(os.profile.releaseBase).codename(os.release)
        let manager = os.systemPackages
        let keyring = manager.keyringPath("rocm")
        self.keyring = keyring
        let suite = codename ?? os.release
        // AMD's repositories have amd64 packages only.
        func repository(_ name: String, _ what: String, _ url: String) -> PackageRepository {
            PackageRepository(name: name, comment: "Managed by rigctl: \(what) \(release) (drivers.rocm).", url: url, suite: suite,
                              components: ["main"], architectures: ["amd64"], keyring: keyring)
        }
        sources = [
            manager.sourcesFile(for: repository("amdgpu", "AMD's amdgpu kernel driver", "https://repo.radeon.com/amdgpu/\(release)/ubuntu")),
            manager.sourcesFile(for: repository("rocm", "AMD ROCm", "https://repo.radeon.com/rocm/apt/\(release)")),
        ]
        preferences = manager.preferenceFile(PackagePreference(
            name: "rocm-pin-600", explanation: "Managed by rigctl: prefer AMD's ROCm \(release) packages (drivers.rocm).",
            packages: ["*"], pin: .origin("repo.radeon.com"), priority: 600))
        packages = [AptPin(name: Self.driverPackage, hold: true), AptPin(name: Self.metaPackage, hold: true)]
        // `linux-modules-extra-` is Ubuntu's (the only system AMD's Ubuntu guide and rigctl's ROCm rules cover).
        kernelPackagePrefixes = [manager.kernelHeadersPackagePrefix, "linux-modules-extra-"]
        groups = ["render", "video"]
    }

    /// AMD's directory name of the release (`ROCmSupport.releaseName`).
    static func directory(_ version: Version) -> String { ROCmSupport.releaseName(version) }

    /// `/etc/apt/sources.list.d/rocm.list`, `amdgpu.list` and the preference, every file the repository step writes.
    package var repositoryFiles: [SystemFile] { sources + [preferences] }
}
