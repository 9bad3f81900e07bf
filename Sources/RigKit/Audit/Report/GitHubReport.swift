import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigSpec

/// GitHub Actions workflow commands, so findings show on the pull request at the spec line:
/// `::error file=machines/x.yaml,line=26,col=13,title=…::message`. Errors (and warnings with
/// `--strict`) are `::error`, other warnings `::warning`; ok and info findings print nothing.
/// Escaping follows the runner (actions/toolkit `command.ts`): in the message `%`, CR and LF
/// become `%25`, `%0D`, `%0A`; in properties also `:` and `,` become `%3A` and `%2C`.
package enum GitHubReport {
    package static func render(_ report: AuditReport, strict: Bool = false) -> String {
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            lines.append(command("error", location: diagnostic.location, title: "rigctl: invalid spec", message: diagnostic.message))
        }
        for finding in report.findings {
            let level: String
            if AuditReport.fails(finding, strict: strict) { level = "error" } else if finding.severity == .warning { level = "warning" } else { continue }
            let subject = finding.keyPath.isEmpty ? (finding.rule ?? "spec") : finding.keyPath.rawValue
            let title = "rigctl \(finding.machine): \(finding.status.rawValue) \(subject)"
            lines.append(command(level, location: finding.location, title: title, message: finding.message))
        }
        lines.append(TextReport.summary(report, strict: strict))
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ level: String, location: SourceLocation?, title: String, message: String) -> String {
        var properties: [String] = []
        if let location {
            properties += ["file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=\(escapeProperty(title))")
        return "::\(level) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingEvery("%", with: "%25").replacingEvery("\r", with: "%0D").replacingEvery("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }
}
