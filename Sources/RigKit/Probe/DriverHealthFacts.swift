import RigSpec
import RigSystem

/// The states that break an NVIDIA machine between two boots: the user-space driver upgraded
/// under the loaded kernel module, DKMS behind the kernels, nouveau in the way, Secure Boot
/// refusing an unsigned module, unattended upgrades free to move the driver, and `/usr/local/cuda`
/// pointing elsewhere. Read by `DriverHealthProber`; judged by `DriverHealthCheck`.
package struct DriverHealthFacts: Sendable, Equatable, Codable {
    /// The version of the installed `libnvidia-ml.so.<version>` (the user-space driver).
    package var userSpaceVersion: Fact<String> = .notProbed
    /// `ok` when nvidia-smi starts NVML, else its `Failed to initialize NVML: …` line.
    package var nvml: Fact<String> = .notProbed
    /// `uname -r`.
    package var runningKernel: Fact<String> = .notProbed
    /// The kernels in /boot, oldest first; the last is the one the next boot runs by default.
    package var installedKernels: Fact<[String]> = .notProbed
    /// The NVIDIA modules DKMS knows (`dkms status`), each with the kernel it was built for.
    package var dkms: Fact<[DKMSModuleFacts]> = .notProbed
    /// `nouveau` is in /proc/modules.
    package var nouveauLoaded: Fact<Bool> = .notProbed
    /// A modprobe.d file blacklists nouveau (the file's path), or `none`.
    package var nouveauBlacklist: Fact<String> = .notProbed
    /// `mokutil --sb-state`.
    package var secureBoot: Fact<Bool> = .notProbed
    /// `modinfo -F signer nvidia` for the running kernel; the empty string when the module is unsigned.
    package var moduleSigner: Fact<String> = .notProbed
    /// `apt-mark showhold`, sorted.
    package var heldPackages: Fact<[String]> = .notProbed
    /// unattended-upgrades is installed and `APT::Periodic::Unattended-Upgrade` is on.
    package var unattendedUpgrades: Fact<Bool> = .notProbed
    /// `Unattended-Upgrade::Package-Blacklist` entries (regular expressions on package names).
    package var unattendedBlacklist: Fact<[String]> = .notProbed
    /// The CUDA version of the toolkit `/usr/local/cuda` leads to (its `version.json`); `none` when there is no `/usr/local/cuda`.
    package var defaultCUDA: Fact<String> = .notProbed
    package init() {}
}

package struct DKMSModuleFacts: Sendable, Equatable, Codable {
    package var module: String
    package var version: String
    package var kernel: String?
    package var state: String
    package init(module: String, version: String, kernel: String?, state: String) {
        self.module = module
        self.version = version
        self.kernel = kernel
        self.state = state
    }
}
