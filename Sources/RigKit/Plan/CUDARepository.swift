import RigText
import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// NVIDIA's CUDA apt repository for one distribution release, added through its `cuda-keyring` package.
package struct CUDARepository: Sendable, Equatable {
    /// NVIDIA's repository directory name: `ubuntu2404`, `ubuntu2204`, `debian12`.
    package var directory: String

    /// The package that installs the signing key and the sources entry.
    package static let keyringPackage = "cuda-keyring"
    /// The keyring package file NVIDIA publishes in every repository (since April 2022).
    package static let keyringFile = "cuda-keyring_1.1-1_all.deb"

    package init(directory: String) {
        self.directory = directory
    }

    /// Pop!_OS uses Ubuntu's repository of the same release; Debian's is named after the major release.
    package init(os: MachineSpec.OperatingSystem) {
        switch os.distro {
        case .ubuntu, .pop:
            self.init(directory: "ubuntu" + os.release.replacingEvery(".", with: ""))
        case .debian:
            self.init(directory: "debian" + (os.release.split(separator: ".").first.map(String.init) ?? os.release))
        }
    }

    /// `https://developer.download.nvidia.com/compute/cuda/repos/<directory>/x86_64/cuda-keyring_1.1-1_all.deb`.
    package var keyringURL: String {
        "https://developer.download.nvidia.com/compute/cuda/repos/\(directory)/x86_64/\(CUDARepository.keyringFile)"
    }
}
