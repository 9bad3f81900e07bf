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

    private func amd(_ name: String, device: String?, bus: String = "0000:03:00.0") -> GPUFacts {
        var gpu = GPUFacts(busID: bus, vendor: "amd")
        gpu.model = .value(name)
        gpu.deviceID = device.map { .value($0) } ?? .unknown("no device file")
        gpu.vramBytes = .value(24560 * AuditSamples.mib)
        return gpu
    }

    /// AMD names as the tools print them: amd-smi's market name, rocm-smi's and lspci's database names.
    @Test(arguments: [
        ("AMD Radeon RX 7900 XTX", "AMD Radeon RX 7900 XTX", "0x744c", true),             // amd-smi market_name
        ("AMD Radeon RX 7900 XTX", "Radeon RX 7900 XTX", nil, true),
        ("AMD Instinct MI100", "Arcturus GL-XL [Instinct MI100]", "0x738c", true),        // rocm-smi Card series
        ("AMD Instinct MI100", "Arcturus GL-XL [Instinct MI100]", nil, true),             // by the bracketed name
        ("AMD Instinct MI210", "Aldebaran/MI200 [Instinct MI210]", "0x740f", true),
        ("AMD Instinct MI250", "Aldebaran/MI200 [Instinct MI250X/MI250]", nil, true),
        ("AMD Instinct MI210", "Aldebaran/MI200 [Instinct MI250X/MI250]", "0x740c", false),
        // rocm-smi's "Card series" of an MI250 in a real paste (wandb/wandb#5449): only the device id can tell.
        ("AMD Instinct MI250", "AMD INSTINCT MI200 (MCM) OAM LC MBA HPE C2", "0x740c", true),
        ("AMD Instinct MI250", "AMD INSTINCT MI200 (MCM) OAM LC MBA HPE C2", nil, false),
        ("AMD Radeon RX 7900 XTX", "Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]", "0x744c", true),
        ("AMD Radeon RX 7900 XTX", "Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]", nil, true),
        ("AMD Radeon RX 6700 XT", "Navi 22 [Radeon RX 6700/6700 XT / 6800M]", "0x73df", true),
        ("AMD Radeon RX 7900 XTX", "Navi 22 [Radeon RX 6700/6700 XT / 6800M]", "0x73df", false),
        ("AMD Instinct MI210", "AMD Radeon RX 7900 XTX", "0x744c", false),
        // The device id outranks a name that disagrees with it.
        ("AMD Instinct MI210", "AMD Radeon RX 7900 XTX", "0x740f", true),
        ("AMD Radeon RX 7900 XTX", "AMD Radeon RX 7900 XT", "0x744c", false),
    ] as [(String, String, String?, Bool)])
    func amdNamesAndDeviceIDs(spec wanted: String, reported: String, device: String?, same: Bool) {
        #expect(GPUCheck().sameModel(wanted, amd(reported, device: device)) == same)
    }

    @Test func anAmbiguousMatchIsOKAndSaysSo() throws {
        let spec = try AuditSamples.spec(body: "parts: { gpus: [ { model: AMD Radeon RX 7900 XTX, vram: 24 GiB } ] }\n")
        let gpu = amd("Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]", device: "0x744c")
        let findings = GPUCheck().findings(spec, Facts.with(gpus: [gpu]), AuditContext(spec: spec))
        let model = try #require(findings.one("parts.gpus[0].model"))
        #expect(model.status == .ok)
        #expect(model.message == "found AMD Radeon RX 7900 XTX at 0000:03:00.0 (as far as the machine tells: its PCI id 0x744c also fits other models)")
        // The same card where the spec wants an MI210 is missing, and listed as not in the spec.
        let other = try AuditSamples.spec(body: "parts: { gpus: [ { model: AMD Instinct MI210 } ] }\n")
        let wrong = GPUCheck().findings(other, Facts.with(gpus: [gpu]), AuditContext(spec: other))
        #expect(wrong.one("parts.gpus[0].model")?.status == .missing)
        #expect(wrong.one("parts.gpus")?.status == .drift)
    }

    @Test func databaseNamesListTheirModels() {
        #expect(AMDDeviceNames.models(inDatabaseName: "Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]")
                == ["Radeon RX 7900 XT", "Radeon RX 7900 XTX", "Radeon RX 7900 GRE", "Radeon RX 7900M"])
        #expect(AMDDeviceNames.models(inDatabaseName: "Navi 22 [Radeon RX 6700/6700 XT / 6800M]")
                == ["Radeon RX 6700", "Radeon RX 6700 XT", "Radeon RX 6800M"])
        #expect(AMDDeviceNames.models(inDatabaseName: "Aldebaran/MI200 [Instinct MI250X/MI250]") == ["Instinct MI250X", "Instinct MI250"])
        #expect(AMDDeviceNames.models(inDatabaseName: "Vega 20 [Radeon Pro VII/Radeon Instinct MI50 32GB]")
                == ["Radeon Pro VII", "Radeon Instinct MI50 32GB"])
        #expect(AMDDeviceNames.models(inDatabaseName: "AMD Instinct MI210") == ["AMD Instinct MI210"])
        #expect(AMDDeviceNames.models(inDatabaseName: "x [/ / ]") == ["x [/ / ]"])
        #expect(AMDDeviceNames.models(inDatabaseName: "[]") == ["[]"])
    }

    /// Every id's models are catalogued names or plain spellings of AMD models (no typos against the catalog).
    @Test func deviceTableNamesResolve() {
        let catalogued = AMDDeviceNames.pciDevices.values.joined().filter { GPUCatalog.standard.lookup($0) != nil }
        #expect(Set(catalogued).isSuperset(of: ["AMD Instinct MI100", "AMD Instinct MI210", "AMD Instinct MI250", "AMD Instinct MI250X",
                                                "AMD Radeon RX 7900 XTX", "AMD Radeon RX 7900 XT", "AMD Radeon RX 7900 GRE",
                                                "AMD Radeon RX 6700 XT", "AMD Radeon PRO V620", "AMD Radeon VII", "AMD Instinct MI50"]))
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
