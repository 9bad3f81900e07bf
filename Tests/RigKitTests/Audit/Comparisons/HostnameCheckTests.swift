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

@Suite struct HostnameCheckTests {
    @Test func matchesIgnoringCase() throws {
        let spec = try AuditSamples.spec(body: "")
        var facts = Facts()
        facts.hostname = .value("BOX")
        let finding = try #require(HostnameCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(finding.status == .ok)
        #expect(finding.message == "the hostname is BOX")
    }

    @Test func otherNameIsDrift() throws {
        let spec = try AuditSamples.spec(body: "")
        var facts = Facts()
        facts.hostname = .value("ubuntu")
        let finding = try #require(HostnameCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(finding.status == .drift)
        #expect(finding.severity == .error)
        #expect(finding.message == "the hostname is ubuntu, the spec wants box")
        #expect(finding.location?.line == 2)
    }

    @Test func unknownCarriesTheReason() throws {
        let spec = try AuditSamples.spec(body: "")
        var facts = Facts()
        facts.hostname = .unknown("/proc/sys/kernel/hostname: permission denied")
        let finding = try #require(HostnameCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(finding.status == .unknown)
        #expect(finding.severity == .warning)
        #expect(finding.message == "cannot check the hostname: /proc/sys/kernel/hostname: permission denied")
    }

    @Test func notProbedGivesNothing() throws {
        let spec = try AuditSamples.spec(body: "")
        #expect(HostnameCheck().findings(spec, Facts(), AuditContext(spec: spec)).isEmpty)
    }
}
