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

@Suite struct OSCheckTests {
    @Test func sameDistroAndRelease() throws {
        let spec = try AuditSamples.spec(body: "")
        let findings = OSCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.ok, .ok])
        #expect(findings.map(\.keyPath) == ["os.distro", "os.release"])
    }

    @Test func newerReleaseIsDrift() throws {
        let spec = try AuditSamples.spec(body: "")
        var facts = AuditSamples.computeNodeFacts()
        facts.os?.version = .value("24.04")
        let release = try #require(OSCheck().findings(spec, facts, AuditContext(spec: spec)).one("os.release"))
        #expect(release.status == .drift)
        #expect(release.expected == "22.04")
        #expect(release.actual == "24.04")
        #expect(release.message == "the release (os-release VERSION_ID) is 24.04, the spec wants 22.04")
    }
}
