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

@Suite struct CUDAArchitectureSupportTests {
    let table = CUDAArchitectureSupport.standard

    @Test func blackwellConsumerNeedsCUDA128() throws {
        let entry = try #require(table.entry(for: ComputeCapability(12, 0)))
        #expect(entry.minimumCUDA == Version("12.8"))
        #expect(entry.droppedIn == nil)
    }

    @Test func firstToolkitPerArchitecture() {
        #expect(table.entry(for: ComputeCapability(8, 0))?.minimumCUDA == Version("11.0"))
        #expect(table.entry(for: ComputeCapability(8, 6))?.minimumCUDA == Version("11.1"))
        #expect(table.entry(for: ComputeCapability(8, 9))?.minimumCUDA == Version("11.8"))
        #expect(table.entry(for: ComputeCapability(9, 0))?.minimumCUDA == Version("11.8"))
        #expect(table.entry(for: ComputeCapability(10, 3))?.minimumCUDA == Version("13.0"))
    }

    @Test func cuda13DropsEverythingBeforeTuring() {
        for capability in [ComputeCapability(5, 2), ComputeCapability(6, 1), ComputeCapability(7, 0)] {
            #expect(table.entry(for: capability)?.droppedIn == Version("13.0"))
        }
        #expect(table.entry(for: ComputeCapability(7, 5))?.droppedIn == nil)
    }

    @Test func unknownCapabilityIsNil() {
        #expect(table.entry(for: ComputeCapability(11, 0)) == nil)
    }
}
