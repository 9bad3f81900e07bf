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

@Suite struct MemoryCheckTests {
    let body = "parts: { memory: { size: 32 GiB, modules: 4, type: DDR4, speed: 2133 MT/s } }\n"

    @Test func dimmsMatchTheSpec() throws {
        let spec = try AuditSamples.spec(body: body)
        let findings = MemoryCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec))
        #expect(findings.map(\.keyPath) == ["parts.memory.size", "parts.memory.modules", "parts.memory.type", "parts.memory.speed"])
        #expect(findings.allSatisfy { $0.status == .ok })
        #expect(findings.first?.actual == "32 GiB in 4 modules")
    }

    @Test func aMissingDIMMIsDriftInSizeAndCount() throws {
        let spec = try AuditSamples.spec(body: body)
        var facts = AuditSamples.computeNodeFacts()
        facts.memory?.dimms = .value(["DIMM_A1", "DIMM_B1", "DIMM_C1"].map { AuditSamples.dimm($0) })
        let findings = MemoryCheck().findings(spec, facts, AuditContext(spec: spec))
        let size = try #require(findings.one("parts.memory.size"))
        #expect(size.status == .drift)
        #expect(size.message == "installed memory is 24 GiB in 3 modules, the spec wants 32 GiB")
        #expect(findings.one("parts.memory.modules")?.message == "the number of memory modules is 3, the spec wants 4")
    }

    @Test func memTotalWithinTheReserveIsOkWithoutDimms() throws {
        let spec = try AuditSamples.spec(body: "parts: { memory: { size: 32 GiB } }\n")
        var facts = AuditSamples.computeNodeFacts()
        facts.memory?.dimms = .unknown("needs root (dmidecode reads the SMBIOS tables)")
        facts.memory?.totalBytes = .value(32_821_243_904)   // 30.6 GiB usable of 32 GiB
        let size = try #require(MemoryCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(size.status == .ok)
        #expect(size.message == "usable memory (MemTotal) is 30.6 GiB")
    }

    @Test func memTotalBelowTheReserveIsDrift() throws {
        let spec = try AuditSamples.spec(body: "parts: { memory: { size: 32 GiB } }\n")
        var facts = AuditSamples.computeNodeFacts()
        facts.memory?.dimms = .unknown("needs root (dmidecode reads the SMBIOS tables)")
        facts.memory?.totalBytes = .value(24_600_000_000)
        let size = try #require(MemoryCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(size.status == .drift)
        #expect(size.message == "usable memory (MemTotal) is 22.9 GiB, the spec wants 32 GiB")
    }

    @Test func realMeminfoCapturesFitTheTolerance() {
        // 07_meminfo fixtures: 256 GiB server (MemTotal 264026876 kB), 4 GiB VM (3997272 kB).
        let server = 256.0 * 1_073_741_824, vm = 4.0 * 1_073_741_824
        #expect(server - 264_026_876 * 1024 <= MemoryCheck.reserveTolerance(forInstalled: server))
        #expect(vm - 3_997_272 * 1024 <= MemoryCheck.reserveTolerance(forInstalled: vm))
        // one 8 GiB module missing of 32 GiB is far outside it
        #expect(8 * 1_073_741_824 > MemoryCheck.reserveTolerance(forInstalled: 32 * 1_073_741_824))
    }

    @Test func slowerModulesAreDriftWithTheXMPHint() throws {
        let spec = try AuditSamples.spec(body: "parts: { memory: { size: 32 GiB, speed: 3200 MT/s } }\n")
        let speed = try #require(MemoryCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec)).one("parts.memory.speed"))
        #expect(speed.status == .drift)
        #expect(speed.message == "memory runs at 2133 MT/s, the spec wants 3200 MT/s (is the XMP/EXPO profile off?)")
    }

    @Test func unknownDimmsMakeCountUnknown() throws {
        let spec = try AuditSamples.spec(body: body)
        var facts = AuditSamples.computeNodeFacts()
        facts.memory?.dimms = .unknown("needs root (dmidecode reads the SMBIOS tables)")
        let modules = try #require(MemoryCheck().findings(spec, facts, AuditContext(spec: spec)).one("parts.memory.modules"))
        #expect(modules.status == .unknown)
        #expect(modules.message == "cannot check the number of memory modules: needs root (dmidecode reads the SMBIOS tables)")
    }
}
