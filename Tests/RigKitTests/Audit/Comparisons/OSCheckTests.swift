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

    @Test func theArchitectureIsComparedOnlyWhenTheSpecNamesIt() throws {
        let arm = try AuditSamples.spec("version: 1\nhostname: box\nos: { distro: ubuntu, release: \"22.04\", arch: arm64 }\n")
        var facts = AuditSamples.computeNodeFacts()
        facts.os?.architecture = .value("x86_64")
        let drift = try #require(OSCheck().findings(arm, facts, AuditContext(spec: arm)).one("os.arch"))
        #expect(drift.status == .drift)
        #expect(drift.message == "the architecture (uname -m) is x86_64, the spec wants arm64")
        facts.os?.architecture = .value("aarch64")
        #expect(try #require(OSCheck().findings(arm, facts, AuditContext(spec: arm)).one("os.arch")).status == .ok)
        // Not named: amd64 is planned, nothing compared.
        let plain = try AuditSamples.spec(body: "")
        #expect(OSCheck().findings(plain, facts, AuditContext(spec: plain)).map(\.keyPath) == ["os.distro", "os.release"])
    }
}
