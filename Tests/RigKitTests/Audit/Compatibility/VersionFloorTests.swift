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

@Suite struct VersionFloorTests {
    private func meets(_ constraint: String, _ required: String) throws -> Bool {
        try #require(VersionConstraint(constraint)).floorMeets(try #require(Version(required)))
    }

    @Test func branchPinsAreJudgedAtBranchPrecision() throws {
        #expect(try meets("570", "570.26"))
        #expect(try meets("570", "570.124.06"))
        #expect(try meets("575", "570.124.06"))
        #expect(try !meets("565", "570.26"))
    }

    @Test func finerPinsAreJudgedAtTheirPrecision() throws {
        #expect(try !meets("570.100", "570.124.06"))
        #expect(try meets("570.124.06", "570.124.06"))
        #expect(try meets("570.133.07", "570.124.06"))
        #expect(try !meets(">=565", "570"))
        #expect(try meets(">=570", "570.26"))
        #expect(try meets("12.8", "12.8"))
        #expect(try !meets("12.4", "12.8"))
        #expect(try meets("12", "12.8"))
    }

    @Test func truncatesAndPads() throws {
        #expect(try #require(Version("570.124.06")).truncated(to: 1).components == [570])
        #expect(try #require(Version("12")).truncated(to: 2).components == [12, 0])
        #expect(Version.of([12, 8])?.text == "12.8")
    }
}
