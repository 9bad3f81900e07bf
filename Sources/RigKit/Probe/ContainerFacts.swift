import RigSpec
import RigSystem

/// Docker and the NVIDIA Container Toolkit, as `docker info`, `nvidia-ctk --version` and /etc/group show
/// them (`ContainersProber`); judged by `ContainersCheck`.
package struct ContainerFacts: Sendable, Equatable, Codable {
    /// The daemon's `ServerVersion` (`28.2.2`); unknown with the reason when docker is absent or its daemon does not answer.
    package var dockerServer: Fact<String> = .notProbed
    /// The runtimes the daemon knows (`Runtimes`' names, sorted): `nvidia` once `nvidia-ctk runtime configure` ran and docker restarted.
    package var runtimes: Fact<[String]> = .notProbed
    /// `DefaultRuntime`: `runc`, or `nvidia` when the daemon is configured to use it for every container.
    package var defaultRuntime: Fact<String> = .notProbed
    /// `nvidia-ctk --version`'s version (`1.17.8`).
    package var nvidiaCTK: Fact<String> = .notProbed
    /// The members of the `docker` group (/etc/group), sorted; empty when the group has none or does not exist.
    package var dockerGroup: Fact<[String]> = .notProbed
    package init() {}
}
