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

@Suite struct GPUCheckTests {
    @Test func namesWithAndWithoutVendorMatch() {
        let check = GPUCheck()
        #expect(check.sameModel("NVIDIA GeForce RTX 3090", "GeForce RTX 3090"))
        #expect(check.sameModel("GeForce RTX 3090", "NVIDIA GeForce RTX 3090"))
        #expect(!check.sameModel("NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 3090 Ti"))
        #expect(!check.sameModel("NVIDIA GeForce RTX 3090", nil))
    }

    @Test func fiveCardsInAnyOrder() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: GeForce RTX 3090, count: 2, vram: 24 GiB }, { model: NVIDIA GeForce RTX 2080 SUPER } ] }\n")
        var turing = GPUFacts(busID: "0000:01:00.0", vendor: "nvidia")
        turing.model = .value("NVIDIA GeForce RTX 2080 SUPER")
        let facts = Facts.with(gpus: [turing, AuditSamples.rtx3090(bus: "0000:02:00.0"), AuditSamples.rtx3090(bus: "0000:03:00.0")])
        let findings = GPUCheck().findings(spec, facts, AuditContext(spec: spec))
        #expect(findings.map(\.keyPath) == ["parts.gpus[0].model", "parts.gpus[0].vram", "parts.gpus[1].model"])
        #expect(findings.allSatisfy { $0.status == .ok })
        #expect(findings[0].message == "found 2 × GeForce RTX 3090 at 0000:02:00.0, 0000:03:00.0")
    }

    @Test func aMissingCardIsMissing() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: NVIDIA GeForce RTX 3090, count: 2 } ] }\n")
        let facts = Facts.with(gpus: [AuditSamples.rtx3090()])
        let finding = try #require(GPUCheck().findings(spec, facts, AuditContext(spec: spec)).first)
        #expect(finding.status == .missing)
        #expect(finding.actual == "1 × NVIDIA GeForce RTX 3090")
        #expect(finding.message == "1 NVIDIA GeForce RTX 3090 missing: the spec wants 2, found 1 at 0000:01:00.0")
    }

    @Test func anExtraCardIsDriftOnTheList() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: NVIDIA GeForce RTX 3090 } ] }\n")
        var extra = AuditSamples.rtx3090(bus: "0000:02:00.0")
        extra.model = .value("NVIDIA GeForce RTX 3060")
        var bmc = GPUFacts(busID: "0000:05:00.0", vendor: "0x1a03")
        bmc.model = .value("ASPEED Graphics Family")
        let findings = GPUCheck().findings(spec, Facts.with(gpus: [AuditSamples.rtx3090(), extra, bmc]), AuditContext(spec: spec))
        let list = try #require(findings.one("parts.gpus"))
        #expect(list.status == .drift)
        #expect(list.message == "GPUs not in the spec: NVIDIA GeForce RTX 3060 at 0000:02:00.0")
    }

    @Test func wrongVRAMIsDrift() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: NVIDIA GeForce RTX 3090, vram: 48 GiB } ] }\n")
        let vram = try #require(GPUCheck().findings(spec, Facts.with(gpus: [AuditSamples.rtx3090()]), AuditContext(spec: spec)).one("parts.gpus[0].vram"))
        #expect(vram.status == .drift)
        #expect(vram.message == "VRAM is 24 GiB per card, the spec wants 48 GiB")
    }

    @Test func unnamedGPUsMakeTheCountUnknown() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: NVIDIA GeForce RTX 3090 } ] }\n")
        var unnamed = GPUFacts(busID: "0000:01:00.0", vendor: "nvidia")
        unnamed.model = .unknown("lspci not installed")
        let finding = try #require(GPUCheck().findings(spec, Facts.with(gpus: [unnamed]), AuditContext(spec: spec)).first)
        #expect(finding.status == .unknown)
        #expect(finding.message == "cannot check 1 of the NVIDIA GeForce RTX 3090: 1 GPU without a name (lspci not installed)")
    }
}

extension Facts {
    static func with(gpus: [GPUFacts]) -> Facts {
        var facts = Facts()
        facts.gpus = .value(gpus)
        return facts
    }
}
