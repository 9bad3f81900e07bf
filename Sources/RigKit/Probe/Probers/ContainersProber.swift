import RigSpec
import RigText
import RigSystem

/// The container facts (`ContainerFacts`): `docker info --format '{{json .}}'` (runtimes, default runtime,
/// server version), `nvidia-ctk --version`, and the `docker` group's members from /etc/group. Only looks.
package struct ContainersProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.containers] }
    package var runsCommands: Bool { true }

    package static let dockerInfo = ["docker", "info", "--format", "{{json .}}"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let infoRun = system.run(Self.dockerInfo, timeout: timeout)
        async let ctkRun = system.run(["nvidia-ctk", "--version"], timeout: timeout)
        var facts = ContainerFacts()
        Self.read(await infoRun, into: &facts)
        let ctk = await ctkRun
        if let reason = ctk.failureReason(program: "nvidia-ctk") {
            facts.nvidiaCTK = .unknown(reason)
        } else {
            facts.nvidiaCTK = Fact(NvidiaCTKVersion.parse(ctk.output).map { UntrustedText.escaped($0) },
                                   else: "nvidia-ctk --version printed no version")
        }
        switch system.readTextResult("/etc/group") {
        case .success(let text):
            facts.dockerGroup = .value((GroupFile.members(of: "docker", in: text) ?? []).map { UntrustedText.escaped($0) })
        case .failure(let error):
            facts.dockerGroup = .unknown(error.description)
        }
        let found = facts
        return FactsUpdate { $0.containers = found }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            guard facts.containers != nil else { return }
            var containers = ContainerFacts()
            containers.dockerServer = .unknown(reason)
            containers.runtimes = .unknown(reason)
            containers.defaultRuntime = .unknown(reason)
            containers.nvidiaCTK = .unknown(reason)
            containers.dockerGroup = .unknown(reason)
            facts.containers = containers
        }
    }

    /// The CLI prints the object, with `ServerErrors`, and exits 1 when the daemon does not answer: the
    /// object is read whatever the exit status.
    static func read(_ result: CommandResult, into facts: inout ContainerFacts) {
        let info: DockerInfo?
        switch result.outcome {
        case .exited: info = DockerInfo.parse(result.output)
        default: info = nil
        }
        guard let info else {
            let reason = result.failureReason(program: "docker") ?? "docker info printed no JSON object"
            facts.dockerServer = .unknown(reason)
            facts.runtimes = .unknown(reason)
            facts.defaultRuntime = .unknown(reason)
            return
        }
        if let version = info.serverVersion {
            facts.dockerServer = .value(UntrustedText.escaped(version))
            facts.runtimes = .value(info.runtimes.map { UntrustedText.escaped($0) })
            facts.defaultRuntime = Fact(info.defaultRuntime.map { UntrustedText.escaped($0) }, else: "docker info has no DefaultRuntime")
        } else {
            let said = info.serverErrors.map { UntrustedText.escaped($0) }.joined(separator: " ")
            let reason = Self.daemonDown + (said.isEmpty ? "docker info has no ServerVersion" : said)
            facts.dockerServer = .unknown(reason)
            facts.runtimes = .unknown(reason)
            facts.defaultRuntime = .unknown(reason)
        }
    }

    /// The start of the reason when the CLI ran but the daemon did not answer.
    package static let daemonDown = "the docker daemon does not answer: "
}
