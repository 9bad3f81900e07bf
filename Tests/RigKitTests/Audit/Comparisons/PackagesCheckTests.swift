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

@Suite struct PackagesCheckTests {
    @Test func installedMissingAndPinned() throws {
        let spec = try AuditSamples.spec(body: "packages: { apt: [git, tmux=3.2a-4ubuntu0.2, nvtop] }\n")
        var facts = Facts()
        facts.packages = .value([PackageFacts(name: "git", version: "1:2.34.1-1ubuntu1.12"), PackageFacts(name: "tmux", version: "3.2a-4build1")])
        let findings = PackagesCheck().findings(spec, facts, AuditContext(spec: spec))
        #expect(findings.map(\.keyPath) == ["packages.apt[0]", "packages.apt[1]", "packages.apt[2]"])
        #expect(findings.map(\.status) == [.ok, .drift, .missing])
        #expect(findings[1].message == "package tmux is at 3.2a-4build1, the spec pins 3.2a-4ubuntu0.2")
        #expect(findings[2].message == "package nvtop is not installed")
    }

    @Test func unknownListMakesEachUnknown() throws {
        let spec = try AuditSamples.spec(body: "packages: { apt: [git] }\n")
        var facts = Facts()
        facts.packages = .unknown("dpkg-query not installed")
        let finding = try #require(PackagesCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(finding.status == .unknown)
        #expect(finding.message == "cannot check package git: dpkg-query not installed")
    }
}
