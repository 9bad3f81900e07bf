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

@Suite struct AptPinTests {
    @Test func versionGlobsForFullAndPartialVersions() throws {
        let full = try #require(Version("570.124.06"))
        let branch = try #require(Version("570"))
        #expect(AptPin.versionGlob(for: full, fullComponents: 3) == "570.124.06-*")
        #expect(AptPin.versionGlob(for: branch, fullComponents: 3) == "570.*")
        #expect(AptPin(name: "a", versionGlob: "1.*").specifier == "a=1.*")
        #expect(AptPin(name: "a").specifier == "a")
    }
}
