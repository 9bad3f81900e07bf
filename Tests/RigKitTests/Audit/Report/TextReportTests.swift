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

@Suite struct TextReportTests {
    @Test func terraformLikeLinesAndSummary() {
        let text = TextReport.render(ReportSamples.report)
        #expect(text == """
        compute-node (machines/compute-node.yaml)
          + parts.gpus[0].model: NVIDIA GeForce RTX 3090 → 0 × NVIDIA GeForce RTX 3090
              1 NVIDIA GeForce RTX 3090 missing: the spec wants 1, none found  (machines/compute-node.yaml:14:13)
          ! bios.settings.xmp: profile-1
              BIOS setting xmp should be profile-1; confirm it  (machines/compute-node.yaml:24:13)
          ~ drivers.nvidia.version: 570 → 575.64.03
              the loaded NVIDIA driver is 575.64.03, the spec wants branch 570  (machines/compute-node.yaml:26:13)
          2 ok, 1 drift, 1 missing, 1 manual

        1 machine: 2 errors, 1 warning (exit 1)

        """)
    }

    @Test func verboseShowsOkLinesAndColourWrapsMarks() {
        let text = TextReport.render(ReportSamples.report, colored: true, verbose: true)
        #expect(text.contains("\u{1B}[2m=\u{1B}[0m hostname: compute-node"))
        #expect(text.contains("\u{1B}[33m~\u{1B}[0m drivers.nvidia.version"))
        #expect(text.contains("power-budget\n      passes: power budget"))
    }

    @Test func strictChangesTheExitInTheSummary() {
        let clean = AuditReport(machines: ["a"], findings: [ReportSamples.finding("bios.settings.xmp", .manual, .warning, line: 3, message: "m")])
        #expect(TextReport.summary(clean, strict: false) == "1 machine: 0 errors, 1 warning (exit 0)")
        #expect(TextReport.summary(clean, strict: true) == "1 machine: 0 errors, 1 warning (exit 1)")
    }
}
