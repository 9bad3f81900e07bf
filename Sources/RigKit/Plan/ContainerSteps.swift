import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// A third-party repository the documented way: its signing key downloaded into `keyring`, and a
/// sources file that names the key (apt: `signed-by`), so the key vouches for this repository only.
/// The files' places and formats are the package manager's (`SystemPackageManager+Plan.swift`).
package struct AptSource: Sendable, Equatable {
    /// Where the key is published (an ASCII-armored OpenPGP key).
    package var keyURL: String
    /// `/etc/apt/keyrings/<name>.asc` (`SystemPackageManager.keyringPath`).
    package var keyring: String
    /// `/etc/apt/sources.list.d/<name>.list`, written whole (`SystemPackageManager.sourcesFile`).
    package var sources: SystemFile

    /// Docker Engine's repository: docs.docker.com/engine/install/ubuntu ("Install using the apt repository":
    /// the key from `https://download.docker.com/linux/ubuntu/gpg` into `/etc/apt/keyrings/docker.asc`,
    /// `deb [arch=… signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu <codename> stable`
    /// in `docker.list`); Debian's is the same under `/linux/debian` (docs.docker.com/engine/install/debian).
    /// Pop!_OS uses Ubuntu's. Nil when rigctl knows no code name for the release.
    package static func docker(_ os: MachineSpec.OperatingSystem) -> AptSource? {
        guard let codename = os.profile.codename(os.release) else { return nil }
        let distribution = os.profile.releaseBase == .debian ? "debian" : "ubuntu"
        let manager = os.systemPackages
        let repository = PackageRepository(
            name: "docker", url: "https://download.docker.com/linux/\(distribution)", suite: codename, components: ["stable"],
            architectures: [os.architecture.rawValue], keyring: manager.keyringPath("docker"))
        return AptSource(keyURL: "https://download.docker.com/linux/\(distribution)/gpg", keyring: repository.keyring,
                         sources: manager.sourcesFile(for: repository))
    }

    /// The NVIDIA Container Toolkit's repository: docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html
    /// ("With apt: Ubuntu, Debian": the key from `https://nvidia.github.io/libnvidia-container/gpgkey`, and
    /// `https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list` with `signed-by` added,
    /// which leaves `deb [signed-by=…] https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH) /`; apt expands
    /// `$(ARCH)`). The guide dearmors the key into `/usr/share/keyrings`; rigctl keeps it armored as `.asc`, as Docker does,
    /// so neither gpg nor a download of the list is needed and the playbook can write the same files.
    package static func nvidiaContainerToolkit(_ manager: SystemPackageManager) -> AptSource {
        let repository = PackageRepository(
            name: "nvidia-container-toolkit", url: "https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH)", suite: "/",
            keyring: manager.keyringPath("nvidia-container-toolkit"))
        return AptSource(keyURL: "https://nvidia.github.io/libnvidia-container/gpgkey", keyring: repository.keyring,
                         sources: manager.sourcesFile(for: repository))
    }
}

/// Packages whose service must run: installed, then the unit enabled and started.
package struct PackagedService: Sendable, Equatable {
    package var packages: [String]
    package var unit: String

    /// Docker Engine's packages (docs.docker.com/engine/install/ubuntu, "Install the Docker packages"); the
    /// guide says the service starts after installation, and `systemctl enable --now` makes sure it does and
    /// comes back at boot.
    package static let dockerEngine = PackagedService(
        packages: ["docker-ce", "docker-ce-cli", "containerd.io", "docker-buildx-plugin", "docker-compose-plugin"], unit: "docker")
}

/// Users that must be members of a group (`usermod -aG`; never created).
package struct GroupMembers: Sendable, Equatable {
    package var group: String
    package var users: [String]
}

/// A docker runtime a package registers: the NVIDIA Container Toolkit's `nvidia`, configured by
/// `nvidia-ctk runtime configure --runtime=docker` (it edits /etc/docker/daemon.json) and loaded by
/// restarting docker (the toolkit's install guide, "Configuring Docker").
package struct DockerRuntime: Sendable, Equatable {
    package var package: String
    package var runtime: String
    /// The command that registers the runtime in /etc/docker/daemon.json.
    package var configure: [String]
    package static let nvidia = DockerRuntime(package: "nvidia-container-toolkit", runtime: "nvidia",
                                              configure: ["nvidia-ctk", "runtime", "configure", "--runtime=docker"])
}
