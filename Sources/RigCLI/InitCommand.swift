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
import RigRemote

/// `rigctl init`: a starting machine spec from the live facts.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting machine spec from this machine's facts (reads only, unless --output).",
        discussion: """
        Fills hostname, os, parts (cpu, motherboard, memory, gpus, storage), bios version, \
        drivers and gpu-settings from the probe; leaves PSU, BIOS settings and theme as \
        comments to fill in by hand. Prints to stdout unless --output is given; an existing \
        file is replaced only with --force.
        Exit codes: 0 written; 2 an unreadable recorded host, or --output exists without --force \
        or cannot be written; 64 usage.
        --ssh [USER@]HOST[:PORT] probes a machine over SSH instead (rigctl copies itself there for \
        the probe, into a private temporary directory it removes) and adds the ssh: section it \
        was reached by; it needs no repository and no spec. Exit code 2 also when HOST cannot be \
        reached or has no binary for its architecture.
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the spec to FILE.", valueName: "FILE"), completion: .file(extensions: ["yaml"]))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"), completion: .directory)
    var replay: String?

    @OptionGroup var probe: ProbeOptions

    @Option(help: ArgumentHelp("Probe this machine over SSH (your ssh and ~/.ssh/config) instead of this one.", valueName: "[USER@]HOST[:PORT]"))
    var ssh: String?

    @Option(help: ArgumentHelp("With --ssh: the rigctl binary to copy there (default: this rigctl).", valueName: "FILE"), completion: .file())
    var remoteBinary: String?

    func validate() throws {
        if ssh != nil && replay != nil { throw ValidationError("--ssh and --replay cannot be used together") }
        if remoteBinary != nil && ssh == nil { throw ValidationError("--remote-binary goes with --ssh") }
        if let ssh {
            do { _ = try SSHDestination(parsing: ssh) } catch { throw ValidationError("--ssh: \(error)") }
        }
    }

    static let wanted: Set<FactGroup> = [.os, .hostname, .cpu, .memory, .gpus, .nvidiaDriver, .cuda, .storage, .board]

    func run() async throws {
        if let ssh {
            let remote = RemoteInit(destination: try SSHDestination(parsing: ssh), binary: remoteBinary, local: LiveSystem(),
                                    probeTimeout: probe.duration, progress: { printError($0) })
            return try finish(try await remote.run().orExit())
        }
        let facts: Facts
        do {
            facts = try await ProbeSession(replay: replay, live: ReadOnlySystem(LiveSystem())).probe(Self.wanted, timeout: probe.duration)
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        try finish(StarterSpec.yaml(from: facts))
    }

    private func finish(_ yaml: String) throws {
        guard let output else { return write(yaml) }
        do {
            try StarterSpec.write(yaml, to: output, force: force, on: LiveSystem())
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        printError("wrote \(output)")
    }
}
