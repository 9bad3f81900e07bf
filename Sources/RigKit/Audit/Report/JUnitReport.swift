import RigSpec

/// JUnit XML for CI test views: one `<testsuite>` per machine, one `<testcase>` per finding
/// (`classname` = machine, `name` = key path or rule). Errors (and warnings with `--strict`)
/// are `<failure>`; other warnings are `<skipped>` with their message; specs that cannot be
/// understood are `<error>` test cases in a `specs` suite. The format follows the common
/// JUnit schema (testsuites/testsuite/testcase with failure, error, skipped, system-out).
public enum JUnitReport {
    public static func render(_ report: AuditReport, strict: Bool = false) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        if !report.diagnostics.isEmpty {
            let cases = report.diagnostics.map { diagnostic in
                "    <testcase classname=\"specs\" name=\"\(escape(diagnostic.location.description))\" file=\"\(escape(diagnostic.location.file))\" line=\"\(diagnostic.location.line)\">\n"
                    + "      <error type=\"invalid-spec\" message=\"\(escape(diagnostic.message))\">\(escape(diagnostic.description))</error>\n"
                    + "    </testcase>"
            }
            suites.append(suite(name: "specs", tests: cases.count, failures: 0, errors: cases.count, skipped: 0, cases: cases))
            totals.tests += cases.count
            totals.errors += cases.count
        }
        for machine in report.machines {
            let findings = report.findings(for: machine)
            var failures = 0, skipped = 0
            let cases = findings.map { finding -> String in
                let name = finding.keyPath.isEmpty ? (finding.rule ?? "spec") : finding.keyPath + (finding.rule.map { " [\($0)]" } ?? "")
                var attributes = "classname=\"\(escape(machine))\" name=\"\(escape(name))\""
                if let location = finding.location { attributes += " file=\"\(escape(location.file))\" line=\"\(location.line)\"" }
                let detail = escape(detail(finding))
                if AuditReport.fails(finding, strict: strict) {
                    failures += 1
                    return "    <testcase \(attributes)>\n      <failure type=\"\(finding.status.rawValue)\" message=\"\(escape(finding.message))\">\(detail)</failure>\n    </testcase>"
                }
                if finding.severity == .warning {
                    skipped += 1
                    return "    <testcase \(attributes)>\n      <skipped message=\"\(escape("\(finding.status.rawValue): \(finding.message)"))\"/>\n    </testcase>"
                }
                return "    <testcase \(attributes)>\n      <system-out>\(escape(finding.message))</system-out>\n    </testcase>"
            }
            suites.append(suite(name: machine, tests: cases.count, failures: failures, errors: 0, skipped: skipped, cases: cases))
            totals.tests += cases.count
            totals.failures += failures
            totals.skipped += skipped
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"rigctl audit\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n")
            + "</testsuites>\n"
    }

    private static func suite(name: String, tests: Int, failures: Int, errors: Int, skipped: Int, cases: [String]) -> String {
        "  <testsuite name=\"\(escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
            + cases.map { $0 + "\n" }.joined() + "  </testsuite>"
    }

    private static func detail(_ finding: Finding) -> String {
        var lines = [finding.message]
        if let expected = finding.expected { lines.append("expected: \(expected)") }
        if let actual = finding.actual { lines.append("actual: \(actual)") }
        if let location = finding.location { lines.append("at: \(location)") }
        return lines.joined(separator: "\n")
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
