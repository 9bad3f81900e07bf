import RigText
import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// NVIDIA's CUDA apt repository for one distribution release and architecture, added through its `cuda-keyring` package.
package struct CUDARepository: Sendable, Equatable {
    /// NVIDIA's repository directory name: `ubuntu2404`, `ubuntu2204`, `debian12`.
    package var directory: String
    /// NVIDIA's architecture directory: `x86_64` or `sbsa`.
    package var architecture: String

    /// The package that installs the signing key and the sources entry.
    package static let keyringPackage = "cuda-keyring"
    /// The keyring package file NVIDIA publishes in every repository (since April 2022).
    package static let keyringFile = "cuda-keyring_1.1-1_all.deb"

    package init(directory: String, architecture: String = "x86_64") {
        self.directory = directory
        self.architecture = architecture
    }

    /// The directory comes from the distribution profile (Pop!_OS uses Ubuntu's of the same release).
    package init(os: MachineSpec.OperatingSystem) {
        self.init(directory: os.profile.nvidiaRepositoryDirectory(release: os.release),
                  architecture: os.architecture.nvidiaRepositoryName)
    }

    /// `https://developer.download.nvidia.com/compute/cuda/repos/<directory>/<architecture>/cuda-keyring_1.1-1_all.deb`.
    package var keyringURL: String {
        "https://developer.download.nvidia.com/compute/cuda/repos/\(directory)/\(architecture)/\(CUDARepository.keyringFile)"
    }

    /// `ubuntu2404`, or `ubuntu2404/sbsa` off x86_64, as the plan's step title names it.
    package var name: String { architecture == "x86_64" ? directory : "\(directory)/\(architecture)" }
}
