import ArgumentParser
import FoundationEssentials
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// `--repo DIR`, the same in every command that reads the repository.
struct RepositoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The rig repository (holds machines/, build-logs/, playbooks/); default: this directory or the nearest parent with machines/.",
                               valueName: "DIR"), completion: .directory)
    var repo: String?

    /// The repository through a read-only door: what every command that only looks uses.
    func readOnly() throws -> Repository { try locate(ReadOnlySystem(LiveSystem())) }

    /// The repository through `system`.
    func locate(_ system: any System) throws -> Repository { try Repository.locate(repo, system: system).orExit() }
}

/// The machine a command is about, completed from `machines/` in bash, zsh and fish.
struct MachineArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The machine: its name (machines/NAME.yaml) or its spec file; default: the spec whose hostname is this machine's.",
                                 valueName: "machine"),
              completion: .custom(MachineArgument.complete))
    var machine: String?

    @Sendable static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        knownMachines().filter { $0.hasPrefix(prefix) }
    }

    static func knownMachines() -> [String] {
        guard case .success(let repository) = Repository.locate(nil, system: ReadOnlySystem(LiveSystem())) else { return [] }
        return repository.machineNames()
    }
}

/// `--timeout`, for every command that probes.
struct ProbeOptions: ParsableArguments {
    @Option(help: "Seconds each probe source may take (0 < s ≤ 600).")
    var timeout: Double = 5

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }

    var duration: Duration { .milliseconds(Int(timeout * 1000)) }
}

/// Where facts come from, for `diff` and `snapshot`.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"), completion: .directory)
    var replay: String?

    var source: Pipeline.Source { replay.map { .replay($0) } ?? .live }
}

/// `--ssh` and `--remote-binary`, for the commands that can run on the machine over SSH.
struct RemoteOptions: ParsableArguments {
    @Flag(help: "Run on the machine itself over SSH (the spec's ssh: section, your ssh and ~/.ssh/config); results come back into build-logs/<machine>/.")
    var ssh = false

    @Option(help: ArgumentHelp("With --ssh: the rigctl binary to copy (a static release build for the remote's architecture; default: this rigctl).",
                               valueName: "FILE"), completion: .file())
    var remoteBinary: String?

    func validate() throws {
        if remoteBinary != nil && !ssh { throw ValidationError("--remote-binary goes with --ssh") }
    }

    /// Runs `command` for `machine` on the machine over SSH and leaves with the remote's exit code.
    func run(_ command: RemoteRun.Command, machine: String?, arguments: [String], repository: Repository) async throws -> Never {
        guard let machine else { throw ValidationError("--ssh needs the machine's name (its spec has the ssh: section)") }
        let remote = RemoteRun(pipeline: Pipeline(repository: repository), binary: remoteBinary, local: LiveSystem(), progress: { say($0) })
        let outcome = try await remote.run(command, machine: machine, arguments: arguments).orExit()
        for file in outcome.broughtBack { say("brought back: \(file)") }
        throw ExitCode(outcome.status)
    }
}
