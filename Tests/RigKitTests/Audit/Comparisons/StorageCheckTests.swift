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

@Suite struct StorageCheckTests {
    let body = "parts: { storage: [ { model: Samsung SSD 970 EVO Plus 1TB, size: 1 TB, interface: nvme } ] }\n"

    @Test func asciiModelsNormaliseLikeTheUnicodePath() {
        for model in ["Samsung_SSD_970_EVO_Plus_1TB", "  samsung ssd\t990  PRO_ ", "__", "", "WDC WD40EFRX-68N32N0", "a\r\nb\u{0B}c\u{0C}d",
                      "INTEL SSDPE2KX040T8", "Micron_7450_MTFDKCC3T8TFR", "x_ _y"] {
            #expect(StorageCheck.asciiNormalized(model) == StorageCheck.unicodeNormalized(model), "\(model.debugDescription)")
        }
        #expect(StorageCheck.normalized("Samsung SSD 990 PRO 4TB \u{00A0}é") == StorageCheck.unicodeNormalized("Samsung SSD 990 PRO 4TB \u{00A0}é"))
    }

    @Test func oneTerabyteDiskMatches() throws {
        let spec = try AuditSamples.spec(body: body)
        let findings = StorageCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec))
        #expect(findings.map(\.keyPath) == ["parts.storage[0].model", "parts.storage[0].size", "parts.storage[0].interface"])
        #expect(findings.allSatisfy { $0.status == .ok })
    }

    @Test func oneTebibyteIsNotOneTerabyte() throws {
        let spec = try AuditSamples.spec(body: "parts: { storage: [ { model: Samsung SSD 970 EVO Plus 1TB, size: 1 TiB } ] }\n")
        let size = try #require(StorageCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec)).one("parts.storage[0].size"))
        #expect(size.status == .drift)
        #expect(size.message == "disk size is 1 TB (1000204886016 bytes), the spec wants 1 TiB")
    }

    @Test func lsblkUnderscoresAndMissingDisk() throws {
        #expect(StorageCheck.sameModel("Samsung SSD 970 EVO Plus 1TB", "Samsung_SSD_970_EVO_Plus_1TB"))
        let spec = try AuditSamples.spec(body: "parts: { storage: [ { model: Samsung SSD 990 PRO 4TB, size: 4 TB } ] }\n")
        let model = try #require(StorageCheck().findings(spec, AuditSamples.computeNodeFacts(), AuditContext(spec: spec)).first)
        #expect(model.status == .missing)
        #expect(model.message == "1 Samsung SSD 990 PRO 4TB missing: the spec wants 1, found 0; other disks: nvme0n1 (Samsung SSD 970 EVO Plus 1TB, 1 TB)")
    }

    @Test func sataInsteadOfNVMeIsDrift() throws {
        let spec = try AuditSamples.spec(body: body)
        var facts = AuditSamples.computeNodeFacts()
        facts.storage = .value([DiskFacts(name: "sda", model: "Samsung SSD 970 EVO Plus 1TB", sizeBytes: 1_000_204_886_016, rotational: false, transport: "usb")])
        let interface = try #require(StorageCheck().findings(spec, facts, AuditContext(spec: spec)).one("parts.storage[0].interface"))
        #expect(interface.status == .drift)
        #expect(interface.message == "disk interface is usb, the spec wants nvme")
    }
}
