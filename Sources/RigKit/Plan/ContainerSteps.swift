import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// A third-party apt repository the documented way: its signing key downloaded into `keyring`, and a
/// sources file that names the key with `signed-by`, so the key vouches for this repository only.
package struct AptSource: Sendable, Equatable {
    /// Where the key is published (an ASCII-armored OpenPGP key).
    package var keyURL: String
    /// `/etc/apt/keyrings/<name>.asc`: apt reads an armored key by its `.asc` suffix (Docker's guide uses it so).
    package var keyring: String
    /// `/etc/apt/sources.list.d/<name>.list`, written whole.
    package var sources: SystemFile

    /// Docker Engine's repository: docs.docker.com/engine/install/ubuntu ("Install using the apt repository":
    /// the key from `https://download.docker.com/linux/ubuntu/gpg` into `/etc/apt/keyrings/docker.asc`,
    /// `deb [arch=… signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu <codename> stable`
    /// in `docker.list`); Debian's is the same under `/linux/debian` (docs.docker.com/engine/install/debian).
    /// Pop!_OS uses Ubuntu's. Nil when rigctl knows no code name for the release.
    package static func docker(_ os: MachineSpec.OperatingSystem) -> AptSource? {
        guard let codename = os.profile.codename(os.release) else { return nil }
        let distribution = os.profile.releaseBase == .debian ? "debian" : "ubuntu"
        let keyring = "/etc/apt/keyrings/docker.asc"
        return AptSource(keyURL: "https://download.docker.com/linux/\(distribution)/gpg", keyring: keyring,
                         sources: SystemFile(path: "/etc/apt/sources.list.d/docker.list", contents: """
                             deb [arch=\(os.architecture.rawValue) signed-by=\(keyring)] https://download.docker.com/linux/\(distribution) \(codename) stable

                             """))
    }

    /// The NVIDIA Container Toolkit's repository: docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html
    /// ("With apt: Ubuntu, Debian": the key from `https://nvidia.github.io/libnvidia-container/gpgkey`, and
    /// `https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list` with `signed-by` added,
    /// which leaves `deb [signed-by=…] https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH) /`; apt expands
    /// `$(ARCH)`). The guide dearmors the key into `/usr/share/keyrings`; rigctl keeps it armored as `.asc`, as Docker does,
    /// so neither gpg nor a download of the list is needed and the playbook can write the same files.
    package static let nvidiaContainerToolkit: AptSource = {
        let keyring = "/etc/apt/keyrings/nvidia-container-toolkit.asc"
        return AptSource(keyURL: "https://nvidia.github.io/libnvidia-container/gpgkey", keyring: keyring,
                         sources: SystemFile(path: "/etc/apt/sources.list.d/nvidia-container-toolkit.list", contents: """
                             deb [signed-by=\(keyring)] https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH) /

                             """))
    }()
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
