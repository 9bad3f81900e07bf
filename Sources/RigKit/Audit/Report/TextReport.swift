import RigSpec
import RigSystem
import RigProbe
/// The readable report, like `terraform plan`: one block per machine with a line per finding
/// that needs attention (`~ drift`, `+ missing`, `? unknown`, `! manual`, `x incompatible`; `=`
/// ok lines only when verbose), then a summary line per machine and one for the run.
package enum TextReport {
    package static func render(_ report: AuditReport, colored: Bool = false, verbose: Bool = false, strict: Bool = false) -> String {
        // Every text from a spec, a fact or a tool is escaped before rigctl adds its own colours.
        let paint = { (code: String, text: String) in colored ? "\u{1B}[\(code)m\(clean(text))\u{1B}[0m" : clean(text) }
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            lines.append("\(paint("1", diagnostic.location.description + ":")) \(paint("31", diagnostic.severity.rawValue + ":")) \(clean(diagnostic.message))")
        }
        if !report.diagnostics.isEmpty { lines.append("") }
        for machine in report.sections {
            let findings = report.findings(for: machine)
            let file = report.files[machine]
            lines.append(paint("1", machine) + (file.map { " (\(clean($0)))" } ?? ""))
            for finding in findings where verbose || finding.status != .ok {
                let mark = paint(StatusSymbol.color(finding.status), StatusSymbol.of(finding.status))
                let key = finding.keyPath.isEmpty ? (finding.rule ?? "spec") : finding.keyPath.rawValue
                var head = "  \(mark) \(clean(key))"
                if let rule = finding.rule, !finding.keyPath.isEmpty { head += " [\(rule)]" }
                if let change = change(finding) { head += ": " + clean(change) }
                lines.append(head)
                let place = finding.location.map { "  " + paint("2", "(\($0))") } ?? ""
                lines.append("      \(clean(finding.message))\(place)")
            }
            lines.append("  " + FindingSummary(findings).line)
            lines.append("")
        }
        lines.append(summary(report, strict: strict))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text from outside as it may reach a terminal: control characters escaped.
    static func clean(_ text: String) -> String { UntrustedText.escaped(text, limit: 2000) }

    /// `570 → 575.64.03`, or just the wanted value when nothing was seen.
    private static func change(_ finding: Finding) -> String? {
        switch (finding.expected, finding.actual) {
        case let (expected?, actual?) where finding.status != .ok: return "\(expected) → \(actual)"
        case let (expected?, _): return expected
        default: return nil
        }
    }

    /// `3 machines: 1 error, 2 warnings (exit 1)`; repository checks (`playbooks`) are not machines.
    static func summary(_ report: AuditReport, strict: Bool) -> String {
        let counts = FindingSummary(report.findings)
        var parts = ["\(counts.errors) error\(counts.errors == 1 ? "" : "s")", "\(counts.warnings) warning\(counts.warnings == 1 ? "" : "s")"]
        if !report.diagnostics.isEmpty {
            parts.insert("\(report.diagnostics.count) spec problem\(report.diagnostics.count == 1 ? "" : "s")", at: 0)
        }
        let machines = "\(report.machines.count) machine\(report.machines.count == 1 ? "" : "s")"
        return "\(machines): \(parts.joined(separator: ", ")) (exit \(report.exitCode(strict: strict).rawValue))"
    }
}
