import RigSpec
import RigSystem
import RigProbe

/// JUnit XML for CI test views: one `<testsuite>` per machine, one `<testcase>` per finding
/// (`classname` = machine, `name` = key path or rule). Errors (and warnings with `--strict`)
/// are `<failure>`; other warnings are `<skipped>` with their message; specs that cannot be
/// understood are `<error>` test cases in a `specs` suite. The format follows the common
/// JUnit schema (testsuites/testsuite/testcase with failure, error, skipped, system-out).
package enum JUnitReport {
    package static func render(_ report: AuditReport, strict: Bool = false) -> String {
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

    /// Text for an XML 1.0 attribute or element. Characters XML 1.0 does not allow at all
    /// (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) are written as visible `\u{…}` text.
    static func escape(_ text: String) -> String {
        // Most text is printable ASCII with nothing to escape: one pass over the bytes says so.
        if text.utf8.allSatisfy(isPlainASCII) { return text }
        // Otherwise byte by byte: every byte that needs care is ASCII, or starts U+FFFE/U+FFFF
        // (EF BF BE/BF); the bytes of other scalars are copied as they are.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;".utf8
                case UInt8(ascii: "<"): out += "&lt;".utf8
                case UInt8(ascii: ">"): out += "&gt;".utf8
                case UInt8(ascii: "\""): out += "&quot;".utf8
                case UInt8(ascii: "'"): out += "&apos;".utf8
                case 0x0A: out += "&#10;".utf8
                case 0x09: out += "&#9;".utf8
                case 0x0D: out += "&#13;".utf8
                case 0x00..<0x20: out += "\\u{\(String(byte, radix: 16))}".utf8
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    out += (bytes[index + 2] == 0xBE ? "\\u{fffe}" : "\\u{ffff}").utf8
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return false
        default: return byte >= 0x20 && byte < 0x80
        }
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
