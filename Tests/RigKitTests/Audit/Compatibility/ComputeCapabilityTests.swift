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

@Suite struct ComputeCapabilityTests {
    @Test func printsDottedAndSmNames() {
        #expect(ComputeCapability(8, 6).description == "8.6")
        #expect(ComputeCapability(12, 0).smName == "sm_120")
        #expect(ComputeCapability(10, 3).smName == "sm_103")
    }

    @Test func ordersByMajorThenMinor() {
        #expect(ComputeCapability(7, 5) < ComputeCapability(8, 0))
        #expect(ComputeCapability(8, 9) < ComputeCapability(9, 0))
        #expect(ComputeCapability(10, 3) < ComputeCapability(12, 0))
        #expect(!(ComputeCapability(8, 6) < ComputeCapability(8, 6)))
    }
}
