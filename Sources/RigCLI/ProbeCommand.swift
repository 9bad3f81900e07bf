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

/// `rigctl probe`: the live facts, as a readable summary or JSON.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show what this machine is made of (reads only, unless --record).",
        discussion: """
        Gathers OS, CPU, memory, GPUs, NVIDIA driver, CUDA, storage, board and firmware facts \
        in parallel, each source bounded by --timeout. A fact that cannot be seen is shown as \
        unknown with the reason. Keys of --json are documented in docs/facts.md; recorded \
        hosts in docs/recorded-hosts.md.
        Exit codes: 0 probed; 2 an unreadable recorded host or an unwritable recording; 64 usage.
        """)

    @Flag(help: "Print the full facts as JSON.")
    var json = false

    @Flag(help: "Also list installed apt packages (slow).")
    var packages = false

    @Option(help: ArgumentHelp("Save everything the probers read into DIR (a recorded host).", valueName: "DIR"), completion: .directory)
    var record: String?

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"), completion: .directory)
    var replay: String?

    @OptionGroup var probe: ProbeOptions

    func validate() throws {
        if replay != nil && record != nil { throw ValidationError("--replay and --record cannot be used together") }
    }

    func run() async throws {
        let wanted = packages ? FactGroup.standard.union([.packages]) : FactGroup.standard
        let facts: Facts
        do {
            // Only a recording writes, and only into its own directory.
            let session = try ProbeSession(replay: replay, record: record, live: record == nil ? ReadOnlySystem(LiveSystem()) : LiveSystem())
            facts = try await session.probe(wanted, timeout: probe.duration)
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        if json {
            write(String(decoding: try facts.jsonData(), as: UTF8.self))
        } else {
            write(FactsSummary.render(facts))
        }
    }
}
