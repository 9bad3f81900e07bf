import RigSpec
import RigSystem
import RigProbe

/// `containers:` against `ContainerFacts`, one finding per key:
///
/// | key | breaks when | fixed by |
/// |---|---|---|
/// | `containers.engine` | docker is not installed, or its daemon does not answer | `docker-repository`, `docker-engine` |
/// | `containers.nvidia-toolkit` | `nvidia-ctk` is missing, or docker has no `nvidia` runtime | `nvidia-container-toolkit-repository`, `nvidia-container-toolkit` |
/// | `containers.docker-users` | a listed user is not in the `docker` group | `docker-users` |
package struct ContainersCheck: SpecComparison {
    package init() {}

    package static let engineKey: SpecKeyPath = "containers.engine"
    package static let toolkitKey: SpecKeyPath = "containers.nvidia-toolkit"
    package static let usersKey: SpecKeyPath = "containers.docker-users"

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.containers == nil ? [] : [.containers] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let wanted = spec.containers, let containers = facts.containers else { return [] }
        var findings = [engine(containers, context)]
        if wanted.nvidiaToolkit { findings.append(toolkit(containers, context)) }
        if !wanted.dockerUsers.isEmpty { findings.append(users(wanted.dockerUsers, containers, context)) }
        return findings
    }

    func engine(_ facts: ContainerFacts, _ context: AuditContext) -> Finding {
        let key = Self.engineKey
        switch facts.dockerServer {
        case .value(let version):
            return context.ok(key, expected: "docker", actual: "Docker Engine \(version)", "the docker daemon answers (Docker Engine \(version))")
        case .unknown(let reason) where reason == "docker not installed":
            return context.missing(key, expected: "docker", "docker is not installed: the spec's containers cannot run")
        case .unknown(let reason) where reason.hasPrefix(ContainersProber.daemonDown) && !reason.contains("permission denied"):
            return context.drift(key, expected: "docker", actual: "daemon down",
                                 "docker is installed but \(reason); start it: systemctl enable --now docker")
        case .unknown(let reason):
            return context.unknown(key, expected: "docker", what: "the docker daemon", reason: reason)
        }
    }

    func toolkit(_ facts: ContainerFacts, _ context: AuditContext) -> Finding {
        let key = Self.toolkitKey
        let expected = "nvidia-ctk and docker's nvidia runtime"
        if case .unknown(let reason) = facts.nvidiaCTK {
            if reason == "nvidia-ctk not installed" {
                return context.missing(key, expected: expected,
                                       "the NVIDIA Container Toolkit is not installed (no nvidia-ctk): containers cannot use the GPUs (--gpus all fails)")
            }
            return context.unknown(key, expected: expected, what: "the NVIDIA Container Toolkit", reason: reason)
        }
        let ctk = facts.nvidiaCTK.value ?? ""
        switch facts.runtimes {
        case .unknown(let reason):
            return context.unknown(key, expected: expected, what: "docker's runtimes (nvidia-ctk \(ctk) is installed)", reason: reason)
        case .value(let runtimes) where runtimes.contains("nvidia"):
            let isDefault = facts.defaultRuntime.value == "nvidia" ? ", the default runtime" : ""
            return context.ok(key, expected: expected, actual: "nvidia-ctk \(ctk), runtime nvidia",
                              "the NVIDIA Container Toolkit \(ctk) is installed and docker has the nvidia runtime\(isDefault)")
        case .value(let runtimes):
            return context.drift(key, expected: expected, actual: "runtimes: " + runtimes.joined(separator: ", "),
                                 "nvidia-ctk \(ctk) is installed but docker has no nvidia runtime (\(runtimes.joined(separator: ", "))): run nvidia-ctk runtime configure --runtime=docker, then systemctl restart docker")
        }
    }

    func users(_ wanted: [String], _ facts: ContainerFacts, _ context: AuditContext) -> Finding {
        let key = Self.usersKey
        let expected = wanted.joined(separator: ", ")
        switch facts.dockerGroup {
        case .unknown(let reason):
            return context.unknown(key, expected: expected, what: "the docker group", reason: reason)
        case .value(let members):
            let missing = wanted.filter { !members.contains($0) }
            guard !missing.isEmpty else {
                return context.ok(key, expected: expected, actual: members.joined(separator: ", "), "\(expected) \(wanted.count == 1 ? "is" : "are") in the docker group")
            }
            return context.drift(key, expected: expected, actual: members.isEmpty ? "nobody" : members.joined(separator: ", "),
                                 "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not in the docker group: docker needs sudo for them until they are (a new login picks the group up)")
        }
    }
}
