import Foundation
import RigSpec

/// The machine-readable report: `{exitCode, machines: [{name, summary, findings}], diagnostics}`,
/// keys sorted so the output is stable.
public enum JSONReport {
    struct Document: Encodable {
        var exitCode: Int32
        var machines: [Machine]
        var diagnostics: [EncodedDiagnostic]
    }

    struct Machine: Encodable {
        var name: String
        var summary: [String: Int]
        var findings: [Finding]
    }

    struct EncodedDiagnostic: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    public static func render(_ report: AuditReport, strict: Bool = false) throws -> String {
        let document = Document(
            exitCode: report.exitCode(strict: strict).rawValue,
            machines: report.machines.map { name in
                let findings = report.findings(for: name)
                let counts = FindingSummary(findings)
                return Machine(name: name, summary: Dictionary(uniqueKeysWithValues: Finding.Status.allCases.map { ($0.rawValue, counts.count($0)) }),
                               findings: findings)
            },
            diagnostics: report.diagnostics.map {
                EncodedDiagnostic(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                                  severity: $0.severity.rawValue, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
