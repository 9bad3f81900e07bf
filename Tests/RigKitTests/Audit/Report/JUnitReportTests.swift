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
