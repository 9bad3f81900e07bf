import ArgumentParser
import Foundation
import RigKit
import RigSpec

/// Output formats shared by `diff` and `audit`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github
}

/// Prints a report in the chosen format and leaves with its exit code.
enum AuditOutput {
    static func emit(_ report: AuditReport, format: AuditFormat, strict: Bool, verbose: Bool) throws -> Never {
        let text: String
        switch format {
        case .text: text = TextReport.render(report, colored: TerminalStyle.stdout.enabled, verbose: verbose, strict: strict)
        case .json: text = try JSONReport.render(report, strict: strict)
        case .junit: text = JUnitReport.render(report, strict: strict)
        case .github: text = GitHubReport.render(report, strict: strict)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        Foundation.exit(report.exitCode(strict: strict).rawValue)
    }

    /// Input that cannot be used: every diagnostic, then the message; exit 2.
    static func fail(_ failure: MachineDiff.Failure) -> Never {
        for diagnostic in failure.diagnostics { printError(diagnostic.description) }
        CommandOutput.fail(failure.description)
    }
}
