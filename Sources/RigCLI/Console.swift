import ArgumentParser
import FoundationEssentials
import RigText
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// The one output and exit path: every command writes through `Console.current` and leaves by
/// throwing an `ExitCode`, so `Rigctl.run(_:)` can run a command in process and capture both streams.
struct Console: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeError: @Sendable (String) -> Void
    /// Whether colour may be used on each stream.
    let colorOut: Bool
    let colorError: Bool

    @TaskLocal static var current = Console(
        writeOut: { StandardStream.output.write($0) },
        writeError: { StandardStream.error.write($0) },
        colorOut: TerminalStyle.colorAllowed(fileDescriptor: 1), colorError: TerminalStyle.colorAllowed(fileDescriptor: 2))

    var style: TerminalStyle { TerminalStyle(enabled: colorOut) }
    var errorStyle: TerminalStyle { TerminalStyle(enabled: colorError) }
}

/// Prints a line to standard output at once (progress shows while a long step runs, even into a pipe).
func say(_ line: String) { Console.current.writeOut(line + "\n") }

/// Prints text to standard output as it is.
func write(_ text: String) { Console.current.writeOut(text) }

/// Prints a line to standard error.
func printError(_ text: String) { Console.current.writeError(text + "\n") }

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

/// How every command reports spec problems, compatibility problems and refusals.
enum Report {
    /// `file:line:col: error: message` for each diagnostic, then each rule's problem.
    static func problems(diagnostics: [Diagnostic], findings: [Finding]) {
        let style = Console.current.errorStyle
        for diagnostic in diagnostics {
            let label = diagnostic.severity == .error ? style.red("error:") : style.yellow("\(diagnostic.severity.rawValue):")
            printError("\(style.bold(diagnostic.location.description + ":")) \(label) \(diagnostic.message)")
        }
        for finding in findings where finding.status != .ok {
            let label = finding.severity == .error ? style.red("error:") : style.yellow("\(finding.severity.rawValue):")
            let place = finding.location.map { style.bold("\($0):") + " " } ?? ""
            printError("\(place)\(label) \(finding.message) [\(finding.rule ?? finding.status.rawValue)]")
        }
        if !diagnostics.isEmpty {
            let files = Set(diagnostics.map(\.location.file)).count
            printError("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
    }

    /// Prints the refusal (its diagnostics and findings first) and gives its exit code.
    static func refusal(_ refusal: Refusal) -> ExitCode {
        problems(diagnostics: refusal.diagnostics, findings: refusal.findings)
        printError("error: \(refusal.message)")
        return ExitCode(refusal.status)
    }

    /// A command's verdict problems on stderr; throws the verdict's exit code when it is not clean
    /// after the command's own output (call last).
    static func finish(_ machine: MachineVerdict, strict: Bool = false) throws {
        let status = machine.status(strict: strict)
        if status != .clean { throw ExitCode(status) }
    }
}

extension Result where Failure == Refusal {
    /// The value, or the refusal reported and its exit code thrown.
    func orExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw Report.refusal(refusal)
        }
    }
}
