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

@Suite struct GitHubReportTests {
    @Test func annotationsPointAtTheSpecLine() {
        let lines = GitHubReport.render(ReportSamples.report).split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=machines/compute-node.yaml,line=14,col=13,title=rigctl compute-node%3A missing parts.gpus[0].model::1 NVIDIA GeForce RTX 3090 missing: the spec wants 1, none found",
            "::warning file=machines/compute-node.yaml,line=24,col=13,title=rigctl compute-node%3A manual bios.settings.xmp::BIOS setting xmp should be profile-1; confirm it",
            "::error file=machines/compute-node.yaml,line=26,col=13,title=rigctl compute-node%3A drift drivers.nvidia.version::the loaded NVIDIA driver is 575.64.03, the spec wants branch 570",
            "1 machine: 2 errors, 1 warning (exit 1)",
        ])
    }

    @Test func escapingFollowsTheRunner() {
        #expect(GitHubReport.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubReport.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        let command = GitHubReport.command("error", location: SourceLocation(file: "machines/a,b.yaml", line: 2, column: 1),
                                           title: "t", message: "line one\nline two")
        #expect(command == "::error file=machines/a%2Cb.yaml,line=2,col=1,title=t::line one%0Aline two")
    }

    @Test func specDiagnosticsAreErrors() {
        let report = AuditReport(machines: [], findings: [],
                                 diagnostics: [Diagnostic(at: SourceLocation(file: "machines/x.yaml", line: 3, column: 5), "unknown key 'gpu'")])
        #expect(GitHubReport.render(report).hasPrefix("::error file=machines/x.yaml,line=3,col=5,title=rigctl%3A invalid spec::unknown key 'gpu'\n"))
    }
}
