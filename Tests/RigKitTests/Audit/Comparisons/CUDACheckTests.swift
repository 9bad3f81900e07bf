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

@Suite struct CUDACheckTests {
    func finding(_ constraint: String, toolkits: [String], nvcc: Fact<String> = .unknown("nvcc not installed")) throws -> Finding {
        let spec = try AuditSamples.spec(body: "drivers: { cuda: \"\(constraint)\" }\n")
        var facts = Facts()
        var cuda = CUDAFacts()
        cuda.toolkits = .value(toolkits.map { CUDAToolkitFacts(path: "/usr/local/cuda-\($0)", version: $0) })
        cuda.nvcc = nvcc
        facts.cuda = cuda
        return try #require(CUDACheck().findings(spec, facts, AuditContext(spec: spec)).first)
    }

    @Test func majorMinorMatchesAnyPatch() throws {
        let ok = try finding("12.8", toolkits: ["12.4.1", "12.8.1"])
        #expect(ok.status == .ok)
        #expect(ok.message == "CUDA toolkit 12.8.1 is installed")
    }

    @Test func otherMinorIsDrift() throws {
        let drift = try finding("12.8", toolkits: ["12.4.1"])
        #expect(drift.status == .drift)
        #expect(drift.message == "installed CUDA toolkit is 12.4.1, the spec wants 12.8")
    }

    @Test func nvccAloneCounts() throws {
        #expect(try finding(">=12.4", toolkits: [], nvcc: .value("12.5.82")).status == .ok)
    }

    @Test func noToolkitIsMissing() throws {
        let missing = try finding("12.8", toolkits: [])
        #expect(missing.status == .missing)
        #expect(missing.message == "no CUDA toolkit installed (none under /usr/local, no nvcc), the spec wants 12.8")
    }
}
