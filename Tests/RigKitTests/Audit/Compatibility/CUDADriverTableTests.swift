import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct CUDADriverTableTests {
    let table = CUDADriverTable.standard

    private func release(_ cuda: String) -> CUDADriverTable.Entry? {
        guard let constraint = VersionConstraint(cuda), case let .release(entry, _) = table.requirement(for: constraint) else { return nil }
        return entry
    }

    @Test func minorPinMeansTheNewestUpdate() {
        #expect(release("12.8")?.release == "12.8 Update 1")
        #expect(release("12.8")?.minimumDriver == Version("570.124.06"))
        #expect(release(">=12.4")?.minimumDriver == Version("550.54.15"))
        #expect(release("11.0")?.minimumDriver == Version("450.51.06"))
    }

    @Test func exactPinUsesThatRelease() {
        #expect(release("12.8.0")?.minimumDriver == Version("570.26"))
        // Table 3 and the runfile disagree for 12.8 GA; both are kept.
        #expect(release("12.8.0")?.bundledDriver == Version("570.86.10"))
        #expect(release("12.2.1")?.minimumDriver == Version("535.86.09"))
        #expect(release("13.2.2")?.minimumDriver == Version("595.71.05"))
    }

    @Test func releaseCarriesItsFamilyFloor() throws {
        let constraint = try #require(VersionConstraint("12.6"))
        guard case let .release(_, floor) = table.requirement(for: constraint) else {
            Issue.record("12.6 should be in the table")
            return
        }
        #expect(floor?.minimumDriver == Version("525.60.13"))
    }

    @Test func unlistedReleaseFallsBackToTheFamilyFloor() throws {
        #expect(table.requirement(for: try #require(VersionConstraint("12.7")))
                == .familyOnly(CUDADriverTable.FamilyFloor(major: 12, minimumDriver: try #require(Version("525.60.13")))))
        #expect(table.requirement(for: try #require(VersionConstraint("13.3")))
                == .familyOnly(CUDADriverTable.FamilyFloor(major: 13, minimumDriver: try #require(Version("580")))))
    }

    @Test func unknownFamilyIsUnknown() throws {
        #expect(table.requirement(for: try #require(VersionConstraint("14.0"))) == .unknown)
        #expect(table.requirement(for: try #require(VersionConstraint("10.2"))) == .unknown)
    }
}
