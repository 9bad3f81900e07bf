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
        """)

    @OptionGroup var selection: MachineArgument
    @OptionGroup var source: SourceOptions
    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Record even when the hostname is not the spec's.")
    var force = false

    @OptionGroup var probe: ProbeOptions

    func run() async throws {
        let pipeline = Pipeline(repository: try repository.locate(LiveSystem()), timeout: probe.duration)
        let file = try await pipeline.snapshot(selection.machine, source: source.source, force: force).orExit()
        say("wrote \(file)")
    }
}
