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

/// `rigctl diff`: one machine's spec against its live or recorded facts.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how a machine differs from its spec (reads only).",
        discussion: """
        Compares the machine's spec with the live machine, a recorded host (--replay) or a facts \
        file (--facts), after the spec's own verdict (the compatibility rules). Marks: ~ drift, \
        + missing, ? unknown, ! manual (a BIOS item to confirm), x incompatible, = ok (--verbose).
        Exit codes: 0 no drift; 1 drift, missing parts or a failed compatibility rule (with \
        --strict also unknown facts and unconfirmed manual items); 2 no such machine, or a spec, \
        facts file or recorded host that cannot be read; 64 usage.
        --ssh runs the diff on the machine itself (see `rigctl apply --ssh`); nothing is written.
        """)

    @OptionGroup var selection: MachineArgument
    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("Read facts from FILE (rigctl probe --json, build-logs/<m>/facts.json).", valueName: "FILE"), completion: .file(extensions: ["json"]))
    var facts: String?

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: text, json, junit or github.")
    var format: AuditFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(help: "Also list what matches.")
    var verbose = false

    @OptionGroup var probe: ProbeOptions

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if source.replay != nil && facts != nil { throw ValidationError("--replay and --facts cannot be used together") }
        if remote.ssh && (source.replay != nil || facts != nil) { throw ValidationError("--ssh reads the live machine; it cannot be used with --replay or --facts") }
    }

    func run() async throws {
        if remote.ssh {
            var arguments = ["--format", format.rawValue, "--timeout", String(probe.timeout)]
            if strict { arguments.append("--strict") }
            if verbose { arguments.append("--verbose") }
            try await remote.run(.diff, machine: selection.machine, arguments: arguments, repository: try repository.readOnly())
        }
        let pipeline = Pipeline(repository: try repository.readOnly(), timeout: probe.duration)
        let report = try await pipeline.diff(selection.machine, source: facts.map { .file($0) } ?? source.source).orExit()
        try AuditOutput.emit(report, format: format, strict: strict, verbose: verbose)
    }
}

/// Output formats shared by `diff` and `audit`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github
}

/// Prints a report in the chosen format and leaves with its exit code.
enum AuditOutput {
    static func emit(_ report: consuming AuditReport, format: AuditFormat, strict: Bool, verbose: Bool) throws {
        switch format {
        case .text: write(TextReport.render(report, colored: Console.current.colorOut, verbose: verbose, strict: strict))
        case .json: write(try JSONReport.render(report, strict: strict))
        case .junit: write(bytes: JUnitReport.renderBytes(report, strict: strict))
        case .github: write(GitHubReport.render(report, strict: strict))
        }
        let status = report.exitCode(strict: strict)
        BackgroundRelease.release(consume report)
        if status != .clean { throw ExitCode(status) }
    }
}
