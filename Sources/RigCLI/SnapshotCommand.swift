import ArgumentParser
import RigKit

/// `rigctl snapshot`: record a machine's facts into its build log folder.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the machine's facts into build-logs/<machine>/facts.json (reads the machine only).",
        discussion: """
        Probes everything `rigctl probe` does (plus apt packages when the spec lists some) and \
        writes sorted, pretty-printed JSON, so Git diffs of the file stay small. `rigctl audit` \
        compares each machine's spec with this file. Exit codes: 0 written; 2 no such machine, \
        an invalid spec, an unreadable recorded host or an unwritable file.
        """)

    @Argument(help: "The machine (its spec file name without .yaml); default: by hostname.")
    var machine: String?

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"))
    var replay: String?

    @Option(help: ArgumentHelp("The rig repository (holds machines/ and build-logs/).", valueName: "DIR"))
    var repo: String = "."

    @Option(help: "Seconds each probe source may take.")
    var timeout: Double = 5

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }

    func run() async throws {
        let diff = MachineDiff(repository: repo, timeout: .milliseconds(Int(timeout * 1000)))
        switch await diff.snapshot(machine: machine, source: replay.map { .replay($0) } ?? .live) {
        case .failure(let failure): throw AuditOutput.fail(failure)
        case .success(let file): print("wrote \(file)")
        }
    }
}
