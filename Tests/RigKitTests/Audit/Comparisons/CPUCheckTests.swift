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

    @Test func asciiNamesSplitLikeTheUnicodePath() {
        let names = ["Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz", "AMD Ryzen 7 7800X3D 8-Core Processor", "AMD EPYC 9654 96-Core Processor",
                     "Intel(R) Xeon(R) Platinum 8480+", "  cpu\tprocessor\r\nx -CORE 12-core a-CORE 1a-CORE ", "(T(R)M) (tm)(r)@", "@", "",
                     "ARM Cortex-A78AE\u{0B}\u{0C}Neoverse-V2", "Apple M2 Max", "a(R)(TM)b", "12-CORES 8-CORE-X"]
        for name in names {
            #expect(CPUName.asciiWords(name) == CPUName.unicodeWords(name), "\(name.debugDescription)")
        }
        #expect(CPUName.words("Intel® Core™ i9") == ["INTEL", "CORE", "I9"])
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
