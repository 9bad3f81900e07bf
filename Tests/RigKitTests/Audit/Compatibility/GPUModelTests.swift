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

@Suite struct GPUModelTests {
    @Test func summaryNamesArchitectureAndSm() {
        let model = GPUModel(name: "GeForce RTX 5070 Ti", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
                             vramGiB: [16], boardPowerWatts: 300, source: "test")
        #expect(model.summary == "GeForce RTX 5070 Ti (Blackwell, sm_120)")
        #expect(model.vendor == .nvidia)
        #expect(model.vramVariantsComplete)
        #expect(!model.isFamily)
    }

    @Test func summaryOfAModelWithoutCUDADataIsItsName() {
        let model = GPUModel(name: "AMD Instinct MI100", vendor: .amd, architecture: nil, computeCapability: nil, source: "test")
        #expect(model.summary == "AMD Instinct MI100")
    }
}
