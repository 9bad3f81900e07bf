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

@Suite struct GPUCatalogTests {
    let catalog = GPUCatalog.standard

    @Test func everySpellingOfAModelFindsTheSameEntry() throws {
        let full = try #require(catalog.lookup("NVIDIA GeForce RTX 3090"))
        #expect(catalog.lookup("GeForce RTX 3090") == full)
        #expect(catalog.lookup("RTX 3090") == full)
        #expect(full.name == "GeForce RTX 3090")
        #expect(full.vramGiB == [24])
        #expect(full.boardPowerWatts == 350)
        #expect(full.computeCapability == ComputeCapability(8, 6))
        #expect(!full.isFamily)
    }

    /// Names exactly as nvidia-smi prints them in Tests/RigKitTests/Fixtures/tools.
    @Test(arguments: [
        ("NVIDIA GeForce RTX 3090", "GeForce RTX 3090", 8, 6),
        ("NVIDIA GeForce RTX 3060", "GeForce RTX 3060", 8, 6),
        ("NVIDIA A100-SXM4-80GB", "A100 SXM4 80GB", 8, 0),
        ("NVIDIA H100 80GB HBM3", "H100 80GB HBM3 (SXM5)", 9, 0),
        ("NVIDIA H200", "H200", 9, 0),
        ("NVIDIA GeForce RTX 4080 SUPER", "GeForce RTX 4080 SUPER", 8, 9),
        ("NVIDIA GeForce RTX 2080 SUPER", "GeForce RTX 2080 SUPER", 7, 5),
        ("NVIDIA GeForce RTX 5060 Ti", "GeForce RTX 5060 Ti", 12, 0),
        ("NVIDIA GeForce RTX 5070 Ti", "GeForce RTX 5070 Ti", 12, 0),
        ("NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition", "RTX PRO 6000 Blackwell Max-Q", 12, 0),
    ])
    func findsFixtureNames(name: String, expected: String, major: Int, minor: Int) throws {
        let model = try #require(catalog.lookup(name))
        #expect(model.name == expected)
        #expect(model.computeCapability == ComputeCapability(major, minor))
    }

    @Test func keepsVariantsApart() throws {
        #expect(try #require(catalog.lookup("NVIDIA A100-PCIE-40GB")).vramGiB == [40])
        #expect(try #require(catalog.lookup("NVIDIA A100 80GB PCIe")).boardPowerWatts == 300)
        #expect(try #require(catalog.lookup("NVIDIA A100-SXM4-80GB")).boardPowerWatts == 500)
        #expect(try #require(catalog.lookup("NVIDIA GeForce RTX 5090")).boardPowerWatts == 575)
        #expect(try #require(catalog.lookup("NVIDIA GeForce RTX 5090 D")).boardPowerWatts == 600)
        #expect(try #require(catalog.lookup("H100 PCIe")).boardPowerWatts == 350)
    }

    @Test func fallsBackToTheFamilyForUnlistedModels() throws {
        let rtx3080 = try #require(catalog.lookup("NVIDIA GeForce RTX 3080 Ti"))
        #expect(rtx3080.isFamily)
        #expect(rtx3080.architecture == .ampere)
        #expect(rtx3080.vramGiB.isEmpty)
        #expect(rtx3080.boardPowerWatts == nil)
        #expect(try #require(catalog.lookup("GeForce GTX 980M")).architecture == .maxwell)
        #expect(try #require(catalog.lookup("GeForce GTX 1080 Ti")).computeCapability == ComputeCapability(6, 1))
        #expect(try #require(catalog.lookup("NVIDIA GeForce GTX 1660 SUPER")).architecture == .turing)
        #expect(try #require(catalog.lookup("Tesla V100-SXM2-16GB")).architecture == .volta)
        #expect(try #require(catalog.lookup("NVIDIA RTX A6000")).computeCapability == ComputeCapability(8, 6))
        #expect(try #require(catalog.lookup("NVIDIA B200")).computeCapability == ComputeCapability(10, 0))
        #expect(try #require(catalog.lookup("NVIDIA GeForce RTX 5070")).architecture == .blackwell)
        #expect(try #require(catalog.lookup("NVIDIA RTX PRO 6000 Blackwell Server Edition")).isFamily)
    }

    @Test func doesNotGuessUnknownCards() {
        #expect(catalog.lookup("NVIDIA GeForce RTX 9090") == nil)
        #expect(catalog.lookup("Matrox G200eW") == nil)
        #expect(catalog.lookup("RTX 30") == nil)
        #expect(catalog.lookup("RTX 30900") == nil)
        #expect(catalog.lookup("") == nil)
    }

    @Test func knowsAMDCardsWithoutCUDAData() throws {
        let mi100 = try #require(catalog.lookup("AMD Instinct MI100"))
        #expect(mi100.vendor == .amd)
        #expect(mi100.computeCapability == nil)
    }

    @Test func everyNVIDIAEntryHasAnArchitectureTheCUDATableKnows() {
        let models = catalog.entries.map(\.model) + catalog.families.map(\.model)
        for model in models where model.vendor == .nvidia {
            let capability = model.computeCapability
            #expect(capability.flatMap { CUDAArchitectureSupport.standard.entry(for: $0) } != nil, "\(model.name)")
            #expect(!model.source.isEmpty)
        }
    }

    @Test func numberedPatternsNeedTheWholeModelNumber() {
        let rtx30 = GPUCatalog.NamePattern.numbered("RTX", series: "30", digits: 2)
        #expect(rtx30.matches("RTX 3090"))
        #expect(rtx30.matches("RTX 3080TI"))
        #expect(rtx30.matches("RTX 3060 TI"))
        #expect(!rtx30.matches("RTX 309"))
        #expect(!rtx30.matches("RTX 30901"))
        #expect(!rtx30.matches("GTX 3090"))
        #expect(!rtx30.matches("RTX"))
        #expect(GPUCatalog.NamePattern.leadingWords(["H100"]).matches("H100 NVL"))
        #expect(!GPUCatalog.NamePattern.leadingWords(["H100"]).matches("H1000"))
    }
}
