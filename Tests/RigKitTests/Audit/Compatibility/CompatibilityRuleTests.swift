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

@Suite struct CompatibilityRuleTests {
    private func gpus(_ models: [String]) -> [CatalogedGPU] {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = models.map { MachineSpec.GPU(model: $0) }
        return spec.catalogedGPUs(.standard)
    }

    @Test func pairsEachGPUEntryWithItsCatalogModelInFileOrder() {
        let entries = gpus(["NVIDIA GeForce RTX 3090", "Mystery GPU", "AMD Instinct MI100"])
        #expect(entries.map(\.index) == [0, 1, 2])
        #expect(entries.map { $0.model?.name } == ["GeForce RTX 3090", nil, "AMD Instinct MI100"])
        #expect(entries.map { $0.nvidia?.name } == ["GeForce RTX 3090", nil, nil])
        #expect(entries[1].keyPath("model") == "parts.gpus[1].model")
    }

    @Test func displayNamesSayArchitectureAndSm() {
        let entries = gpus(["RTX 3090", "NVIDIA GeForce RTX 3070", "Mystery GPU", "AMD Instinct MI100"])
        #expect(entries.map(\.displayName) == ["GeForce RTX 3090 (Ampere, sm_86)", "NVIDIA GeForce RTX 3070 (Ampere, sm_86)",
                                               "Mystery GPU", "AMD Instinct MI100"])
    }
}
