import ArgumentParser
import RigKit

/// `rigctl diff`: one machine's spec against its live or recorded facts.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how a machine differs from its spec (reads only).",
        discussion: """
        Compares machines/MACHINE.yaml with the live machine, a recorded host (--replay) or a \
        facts file (--facts). Without MACHINE, the spec whose hostname is the machine's is used. \
        Marks: ~ drift, + missing, ? unknown, ! manual (a BIOS item to confirm), = ok (--verbose).
        Exit codes: 0 no drift; 1 drift or missing parts (with --strict also unknown facts and \
        unconfirmed manual items); 2 a spec, facts file or recorded host that cannot be read.
        """)

    @Argument(help: "The machine (its spec file name without .yaml); default: by hostname.")
    var machine: String?

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"))
    var replay: String?

    @Option(help: ArgumentHelp("Read facts from FILE (rigctl probe --json, build-logs/<m>/facts.json).", valueName: "FILE"))
    var facts: String?

    @Option(help: ArgumentHelp("The rig repository (holds machines/ and build-logs/).", valueName: "DIR"))
    var repo: String = "."

    @Option(help: "Output format: text, json, junit or github.")
    var format: AuditFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(help: "Also list what matches.")
    var verbose = false

    @Option(help: "Seconds each probe source may take.")
    var timeout: Double = 5

    func validate() throws {
        if replay != nil && facts != nil { throw ValidationError("--replay and --facts cannot be used together") }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }

    func run() async throws {
        let source: MachineDiff.Source = replay.map { .replay($0) } ?? facts.map { .file($0) } ?? .live
        let diff = MachineDiff(repository: repo, timeout: .milliseconds(Int(timeout * 1000)))
        switch await diff.diff(machine: machine, source: source) {
        case .failure(let failure): throw AuditOutput.fail(failure)
        case .success(let report): try AuditOutput.emit(report, format: format, strict: strict, verbose: verbose)
        }
    }
}
