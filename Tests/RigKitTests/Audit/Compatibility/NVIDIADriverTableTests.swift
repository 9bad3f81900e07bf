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

@Suite struct NVIDIADriverTableTests {
    let table = NVIDIADriverTable()
    let catalog = GPUCatalog.standard

    @Test func rtx50NeedsR570AndOpenModules() throws {
        let model = try #require(catalog.lookup("NVIDIA GeForce RTX 5070 Ti"))
        let requirement = try #require(table.requirement(for: model))
        #expect(requirement.minimumBranch == 570)
        #expect(requirement.flavor == .openOnly)
    }

    @Test func blackwellDataCenterBranchesFollowTheirFirstToolkit() throws {
        #expect(table.requirement(for: try #require(catalog.lookup("NVIDIA B200")))?.minimumBranch == 570)
        #expect(table.requirement(for: try #require(catalog.lookup("NVIDIA B300 SXM6 AC")))?.minimumBranch == 580)
        #expect(table.requirement(for: try #require(catalog.lookup("NVIDIA GB10")))?.minimumBranch == 580)
    }

    @Test func preTuringNeedsProprietaryModules() throws {
        let model = try #require(catalog.lookup("GeForce GTX 1080"))
        let requirement = try #require(table.requirement(for: model))
        #expect(requirement.flavor == .proprietaryOnly)
        #expect(requirement.minimumBranch == nil)
    }

    @Test func turingToHopperHaveNoRequirement() throws {
        for name in ["RTX 2080 SUPER", "RTX 3090", "RTX 4090", "H100 PCIe"] {
            #expect(table.requirement(for: try #require(catalog.lookup(name))) == nil, "\(name)")
        }
        #expect(table.requirement(for: try #require(catalog.lookup("AMD Instinct MI100"))) == nil)
    }
}
