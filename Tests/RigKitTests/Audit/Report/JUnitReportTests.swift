import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct JUnitReportTests {
    /// Runs Fixtures/junit_check.py (python3) over `xml`; returns its complaints.
    func check(_ xml: String) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-junit-\(UUID()).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = try Fixture.root().appendingPathComponent("junit_check.py").path
        let result = await LiveSystem().run(["python3", script, file.path], timeout: .seconds(30))
        #expect(result.outcome != .notFound, "python3 is required to validate JUnit XML; install it (apt: python3)")
        return result.output + result.errorOutput + (result.succeeded ? "" : "(exit \(result.outcome))")
    }

    @Test func reportIsValidJUnit() async throws {
        let xml = JUnitReport.render(ReportSamples.report)
        #expect(try await check(xml) == "")
        #expect(xml.contains("<testsuite name=\"compute-node\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"1\">"))
        #expect(xml.contains("<failure type=\"drift\" message=\"the loaded NVIDIA driver is 575.64.03, the spec wants branch 570\">"))
        #expect(xml.contains("name=\"power-budget\""))
    }

    @Test func strictTurnsSkippedIntoFailures() {
        let xml = JUnitReport.render(ReportSamples.report, strict: true)
        #expect(xml.contains("tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"0\""))
    }

    @Test func specErrorsAreErrorCasesAndTextIsEscaped() async throws {
        let report = AuditReport(machines: [], findings: [],
                                 diagnostics: [Diagnostic(at: SourceLocation(file: "machines/x.yaml", line: 3, column: 5), "expected <a> & \"b\"")])
        let xml = JUnitReport.render(report)
        #expect(try await check(xml) == "")
        #expect(xml.contains("message=\"expected &lt;a&gt; &amp; &quot;b&quot;\""))
    }

    @Test func anEmptyReportIsRejectedByTheChecker() async throws {
        let xml = JUnitReport.render(AuditReport(machines: [], findings: []))
        #expect(try await check(xml).contains("no <testsuite>: an empty report proves nothing"))
    }
}

/// Text from facts and tools in the reports: XML stays well-formed with U+FFFF and C0
/// controls, the terminal report never carries a raw escape.
@Suite struct HostileTextInReportsTests {
    static let hostile = "fact \u{FFFF}\u{FFFE}\u{1b}[2J\u{07}\r\u{0}end <&>"

    static var report: AuditReport {
        AuditReport(machines: ["box"], findings: [
            Finding(machine: "box", keyPath: "parts.gpus[0]", expected: "RTX 3090", actual: hostile,
                    status: .drift, severity: .error, message: "seen " + hostile),
        ], diagnostics: [Diagnostic(at: SourceLocation(file: "machines/box.yaml", line: 1, column: 1), hostile)])
    }

    @Test func junitWithNonXMLCharactersIsWellFormed() async throws {
        let xml = JUnitReport.render(Self.report)
        #expect(try await JUnitReportTests().check(xml) == "")
        #expect(!xml.unicodeScalars.contains { !JUnitReport.isAllowedInXML($0) })
        #expect(xml.contains(#"\u{ffff}\u{fffe}\u{1b}[2J\u{7}&#13;\u{0}end &lt;&amp;&gt;"#))
    }

    @Test func textReportEscapesControlCharacters() {
        for colored in [false, true] {
            let text = TextReport.render(Self.report, colored: colored)
            // Colour codes are rigctl's own; none comes from the fact.
            #expect(!text.contains("\u{1b}[2J"))
            #expect(!text.unicodeScalars.contains { ["\r", "\u{07}", "\u{0}"].contains($0) })
            #expect(text.contains(#"\x1b[2J\x07\r\x00end"#))
        }
    }

    @Test func probeSummaryEscapesControlCharacters() {
        var facts = Facts()
        facts.hostname = .value("box\u{1b}]0;pwned\u{07}\rbox")
        let text = FactsSummary.render(facts)
        #expect(text.contains(#"box\x1b]0;pwned\x07\rbox"#))
        #expect(!text.contains("\u{1b}"))
    }
}
