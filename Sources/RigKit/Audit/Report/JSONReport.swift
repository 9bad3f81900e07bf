import FoundationEssentials
import RigSystem
import RigProbe
import RigSpec
import RigText

/// The machine-readable report: `{format, exitCode, machines: [{name, summary, findings}], diagnostics}`,
/// keys sorted so the output is stable. Every `--format json` of rigctl carries `format` and writes
/// a place as the same `location` object (`EncodedLocation`).
package enum JSONReport {
    /// The version of rigctl's JSON shapes; raised when a key changes meaning or goes away.
    package static let format = 1

    struct Document: Encodable {
        var format = JSONReport.format
        var exitCode: Int32
        var machines: [Machine]
        var diagnostics: [EncodedDiagnostic]
    }

    struct Machine: Encodable {
        var name: String
        var summary: [String: Int]
        var findings: [Finding]
    }

    /// `{file, line, column}`: how every rigctl JSON document writes a place.
    package struct EncodedLocation: Codable, Sendable, Equatable {
        package var file: String
        package var line: Int
        package var column: Int

        package init(_ location: SourceLocation) {
            file = location.file
            line = location.line
            column = location.column
        }

        package var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }

    /// A spec problem: `{location, severity, message}`.
    package struct EncodedDiagnostic: Encodable, Sendable {
        package var location: EncodedLocation
        package var severity: String
        package var message: String

        package init(_ diagnostic: Diagnostic) {
            location = EncodedLocation(diagnostic.location)
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
        }
    }

    package static func render(_ report: AuditReport, strict: Bool = false) throws -> String {
        let document = Document(
            exitCode: report.exitCode(strict: strict).rawValue,
            machines: report.sections.map { name in
                let findings = report.findings(for: name)
                let counts = FindingSummary(findings)
                return Machine(name: name, summary: Dictionary(uniqueKeysWithValues: Finding.Status.allCases.map { ($0.rawValue, counts.count($0)) }),
                               findings: findings)
            },
            diagnostics: report.diagnostics.map(EncodedDiagnostic.init))
        return try JSONTextEncoder.encodeText(document) + "\n"
    }
}
