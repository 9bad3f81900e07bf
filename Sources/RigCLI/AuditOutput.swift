import ArgumentParser
import Foundation
import RigKit
import RigSpec

/// Output formats shared by `diff` and `audit`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github
}

/// Prints a report in the chosen format and leaves with its exit code (thrown, so tests can run
/// commands in-process).
enum AuditOutput {
    static func emit(_ report: AuditReport, format: AuditFormat, strict: Bool, verbose: Bool) throws {
        let text: String
        switch format {
        case .text: text = TextReport.render(report, colored: TerminalStyle.stdout.enabled, verbose: verbose, strict: strict)
        case .json: text = try JSONReport.render(report, strict: strict)
        case .junit: text = JUnitReport.render(report, strict: strict)
        case .github: text = GitHubReport.render(report, strict: strict)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        let code = report.exitCode(strict: strict).rawValue
        if code != 0 { throw ExitCode(code) }
    }

    /// Input that cannot be used: every diagnostic, then the message; exit 2.
    static func fail(_ failure: MachineDiff.Failure) -> ExitCode {
        for diagnostic in failure.diagnostics { printError(diagnostic.description) }
        printError("error: \(failure.description)")
        return RigExit.badInput
    }
}
