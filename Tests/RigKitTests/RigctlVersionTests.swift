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

@Test func versionIsSemantic() {
    #expect(RigctlVersion.current.split(separator: ".").count == 3)
}
