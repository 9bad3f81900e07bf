import ArgumentParser
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// `rigctl snapshot`: record a machine's facts into its build log folder.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the machine's facts into build-logs/<machine>/facts.json (reads the machine only).",
        discussion: """
        Probes everything `rigctl probe` does (plus apt packages when the spec lists some) and \
        writes sorted, pretty-printed JSON, so Git diffs of the file stay small. `rigctl audit` \
        compares each machine's spec with this file. Refuses when the probed hostname is not the \
        spec's (these would be another machine's facts); --force records them anyway.
        Exit codes: 0 written; 2 no such machine, an invalid spec, the wrong host without --force, \
        an unreadable recorded host or an unwritable file; 64 usage.
        --ssh probes the machine itself over SSH (see `rigctl apply --ssh`) and brings facts.json back.
        """)

    @OptionGroup var selection: MachineArgument
    @OptionGroup var source: SourceOptions
    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Record even when the hostname is not the spec's.")
    var force = false

    @OptionGroup var probe: ProbeOptions

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if remote.ssh && source.replay != nil { throw ValidationError("--ssh reads the live machine; it cannot be used with --replay") }
    }

    func run() async throws {
        if remote.ssh {
            var arguments = ["--timeout", String(probe.timeout)]
            if force { arguments.append("--force") }
            try await remote.run(.snapshot, machine: selection.machine, arguments: arguments, repository: try repository.locate(LiveSystem()))
        }
        let pipeline = Pipeline(repository: try repository.locate(LiveSystem()), timeout: probe.duration)
        let file = try await pipeline.snapshot(selection.machine, source: source.source, force: force).orExit()
        say("wrote \(file)")
    }
}
