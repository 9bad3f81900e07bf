import RigSpec
import RigSystem
import RigProbe

/// A GPU the catalog does not know is a warning (never a crash): the other rules skip it,
/// and the message says what was not checked. Facts: `GPUCatalog`.
package struct UnknownGPU: CompatibilityRule {
    package let id = "unknown-gpu"
    package let summary = "every GPU is one rigctl's tables know"
    package var catalog: GPUCatalog

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        lookups.catalogedGPUs(catalog).compactMap { entry -> Finding? in
            guard entry.model == nil else { return nil }
            return Finding(spec: spec, keyPath: entry.keyPath("model"), expected: nil, actual: entry.gpu.model,
                           status: .unknown, severity: .warning,
                           message: "rigctl does not know the GPU '\(entry.gpu.model)': its architecture, CUDA, driver "
                               + "and VRAM checks are skipped (write its power to keep the power budget checked)",
                           rule: id)
        }
    }
}
