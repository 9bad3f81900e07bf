import RigSpec
import RigSystem
import RigProbe

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
        for machine in report.sections {
            let findings = report.findings(for: machine)
            var failures = 0, skipped = 0
            let cases = findings.map { finding -> String in
                let name = finding.keyPath.isEmpty ? (finding.rule ?? "spec") : finding.keyPath.rawValue + (finding.rule.map { " [\($0)]" } ?? "")
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
        let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            guard special(byte) else {
                out.append(byte)
                continue
            }
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&apos;".utf8)
            case 0x0A: out += Array("&#10;".utf8)
            case 0x09: out += Array("&#9;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            default: break   // other C0 controls are not allowed in XML 1.0
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
