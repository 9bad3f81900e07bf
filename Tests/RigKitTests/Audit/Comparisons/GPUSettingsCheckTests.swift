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

@Suite struct GPUSettingsCheckTests {
    @Test func powerLimitAndPersistenceMatch() throws {
        let spec = try AuditSamples.spec(body: "gpu-settings: { power-limit: 300 W, persistence: true }\n")
        let findings = GPUSettingsCheck().findings(spec, Facts.with(gpus: [AuditSamples.rtx3090(powerLimit: 300.0)]), AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.ok, .ok])
    }

    @Test func defaultPowerLimitIsDrift() throws {
        let spec = try AuditSamples.spec(body: "gpu-settings: { power-limit: 300 W }\n")
        let finding = try #require(GPUSettingsCheck().findings(spec, Facts.with(gpus: [AuditSamples.rtx3090(powerLimit: 350)]), AuditContext(spec: spec)).first)
        #expect(finding.status == .drift)
        #expect(finding.message == "the GPU power limit is 350 W, the spec wants 300 W")
    }
}
