import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct JSONReportTests {
    @Test func machinesSummaryAndFindingsRoundTrip() throws {
        let text = try JSONReport.render(ReportSamples.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["exitCode"] as? Int == 1)
        let machines = try #require(object["machines"] as? [[String: Any]])
        #expect(machines.first?["name"] as? String == "compute-node")
        let summary = try #require(machines.first?["summary"] as? [String: Int])
        #expect(summary == ["ok": 2, "drift": 1, "missing": 1, "unknown": 0, "manual": 1, "incompatible": 0])
        struct Machine: Decodable { var findings: [Finding] }
        struct Document: Decodable { var machines: [Machine] }
        let decoded = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        #expect(decoded.machines[0].findings == ReportSamples.report.findings)
    }
}
