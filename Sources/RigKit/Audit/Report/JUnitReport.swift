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
        String(decoding: renderBytes(report, strict: strict), as: UTF8.self)
    }

    /// `render`'s UTF-8 bytes, for writing out as they are (a thousand machines make 13 MB).
    package static func renderBytes(_ report: AuditReport, strict: Bool = false) -> [UInt8] {
        // Written as bytes into one buffer: `audit` over a thousand machines has tens of thousands of test cases.
        var body = XMLText()
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        if !report.diagnostics.isEmpty {
            let count = report.diagnostics.count
            body.suiteHead(name: "specs", tests: count, failures: 0, errors: count, skipped: 0)
            for diagnostic in report.diagnostics {
                body += "    <testcase classname=\"specs\" name=\""
                body.escaped(diagnostic.location.description)
                body += "\" file=\""
                body.escaped(diagnostic.location.file)
                body += "\" line=\""
                body.decimal(diagnostic.location.line)
                body += "\">\n      <error type=\"invalid-spec\" message=\""
                body.escaped(diagnostic.message)
                body += "\">"
                body.escaped(diagnostic.description)
                body += "</error>\n    </testcase>\n"
            }
            body += "  </testsuite>\n"
            totals.tests += count
            totals.errors += count
        }
        // Each machine's suite is independent: written on all cores, joined in report order.
        let suites = ParallelMap.map(report.sections) { suite($0, findings: report.findings(for: $0), strict: strict) }
        for suite in suites {
            totals.tests += suite.tests
            totals.failures += suite.failures
            totals.skipped += suite.skipped
        }
        var out = XMLText()
        // One buffer of the final size: growing it (and copying the body into it) page-faulted through
        // 13 MB twice over for a thousand machines, on one core.
        out.bytes.reserveCapacity(200 + body.bytes.count + suites.reduce(0) { $0 + $1.text.bytes.count })
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"rigctl audit\" tests=\""
        out.decimal(totals.tests)
        out += "\" failures=\""
        out.decimal(totals.failures)
        out += "\" errors=\""
        out.decimal(totals.errors)
        out += "\" skipped=\""
        out.decimal(totals.skipped)
        out += "\">\n"
        out.bytes += body.bytes
        for suite in suites { out.bytes += suite.text.bytes }
        out += "</testsuites>\n"
        return out.bytes
    }

    private static func suite(_ machine: String, findings: [Finding], strict: Bool) -> (text: XMLText, tests: Int, failures: Int, skipped: Int) {
        var failures = 0, skipped = 0
        for finding in findings {
            if AuditReport.fails(finding, strict: strict) { failures += 1 } else if finding.severity == .warning { skipped += 1 }
        }
        var text = XMLText()
        text.suiteHead(name: machine, tests: findings.count, failures: failures, errors: 0, skipped: skipped)
        for finding in findings { testCase(finding, machine: machine, strict: strict, into: &text) }
        text += "  </testsuite>\n"
        return (text, findings.count, failures, skipped)
    }

    private static func testCase(_ finding: Finding, machine: String, strict: Bool, into out: inout XMLText) {
        out += "    <testcase classname=\""
        out.escaped(machine)
        out += "\" name=\""
        if finding.keyPath.isEmpty {
            out.escaped(finding.rule ?? "spec")
        } else {
            out.escaped(finding.keyPath.rawValue)
            if let rule = finding.rule {
                out += " ["
                out.escaped(rule)
                out += "]"
            }
        }
        out += "\""
        if let location = finding.location {
            out += " file=\""
            out.escaped(location.file)
            out += "\" line=\""
            out.decimal(location.line)
            out += "\""
        }
        out += ">\n"
        if AuditReport.fails(finding, strict: strict) {
            out += "      <failure type=\""
            out.escaped(finding.status.rawValue)
            out += "\" message=\""
            out.escaped(finding.message)
            out += "\">"
            detail(finding, into: &out)
            out += "</failure>\n"
        } else if finding.severity == .warning {
            out += "      <skipped message=\""
            out.escaped(finding.status.rawValue)
            out += ": "
            out.escaped(finding.message)
            out += "\"/>\n"
        } else {
            out += "      <system-out>"
            out.escaped(finding.message)
            out += "</system-out>\n"
        }
        out += "    </testcase>\n"
    }

    /// The message, then `expected:`, `actual:` and `at:` lines, as one escaped text (its line breaks are `&#10;`).
    private static func detail(_ finding: Finding, into out: inout XMLText) {
        out.escaped(finding.message)
        if let expected = finding.expected {
            out += "&#10;expected: "
            out.escaped(expected)
        }
        if let actual = finding.actual {
            out += "&#10;actual: "
            out.escaped(actual)
        }
        if let location = finding.location {
            out += "&#10;at: "
            out.escaped(location.description)
        }
    }

    /// Text for an XML 1.0 attribute or element. Characters XML 1.0 does not allow at all
    /// (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) are written as visible `\u{…}` text.
    static func escape(_ text: String) -> String {
        var out = XMLText()
        out.escaped(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

/// XML text as UTF-8 bytes, and what `JUnitReport` writes into it.
private struct XMLText: Sendable {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 14) }

    /// Markup rigctl wrote itself: appended as it is.
    static func += (text: inout XMLText, markup: StaticString) {
        markup.withUTF8Buffer { text.bytes.append(contentsOf: $0) }
    }

    mutating func decimal(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func suiteHead(name: String, tests: Int, failures: Int, errors: Int, skipped: Int) {
        self += "  <testsuite name=\""
        escaped(name)
        self += "\" tests=\""
        decimal(tests)
        self += "\" failures=\""
        decimal(failures)
        self += "\" errors=\""
        decimal(errors)
        self += "\" skipped=\""
        decimal(skipped)
        self += "\">\n"
    }

    /// `text` escaped for an attribute or element. Every byte that needs care is ASCII, or starts
    /// U+FFFE/U+FFFF (EF BF BE/BF); the bytes of other scalars are copied as they are, in runs.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            while index < source.count {
                let byte = source[index]
                let replacement: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x0A: replacement = "&#10;"
                case 0x09: replacement = "&#9;"
                case 0x0D: replacement = "&#13;"
                case 0x00..<0x20: replacement = ""
                case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                    replacement = source[index + 2] == 0xBE ? "\\u{fffe}" : "\\u{ffff}"
                    width = 3
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                if replacement.utf8CodeUnitCount == 0 {
                    bytes.append(contentsOf: "\\u{\(String(byte, radix: 16))}".utf8)
                } else {
                    self += replacement
                }
                index += width
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
    }
}
