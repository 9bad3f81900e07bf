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

@Suite struct CPUCheckTests {
    @Test func shortModelNameMatchesLscpuName() {
        #expect(CPUName.matches(spec: "Intel Core i7-5820K", actual: "Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz"))
        #expect(CPUName.matches(spec: "AMD Ryzen 7 7800X3D", actual: "AMD Ryzen 7 7800X3D 8-Core Processor"))
        #expect(!CPUName.matches(spec: "Intel Core i7-5930K", actual: "Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz"))
        #expect(!CPUName.matches(spec: "AMD Ryzen 7 7800X3D", actual: "AMD Ryzen 7 7700X 8-Core Processor"))
    }

    @Test func modelAndCountsMatch() throws {
        let spec = try AuditSamples.spec(body: "parts: { cpu: { model: Intel Core i7-5820K, cores: 6, threads: 12 } }\n")
        let findings = CPUCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec))
        #expect(findings.map(\.keyPath) == ["parts.cpu.model", "parts.cpu.cores", "parts.cpu.threads"])
        #expect(findings.allSatisfy { $0.status == .ok })
    }

    @Test func otherCPUAndFewerThreadsAreDrift() throws {
        let spec = try AuditSamples.spec(body: "parts: { cpu: { model: Intel Core i7-5930K, threads: 12 } }\n")
        var facts = AuditSamples.computeNodeFacts()
        facts.cpu?.threads = .value(6)
        let findings = CPUCheck().findings(spec, facts, AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.drift, .drift])
        #expect(findings.one("parts.cpu.threads")?.message == "the number of CPU threads is 6, the spec wants 12")
    }
}
