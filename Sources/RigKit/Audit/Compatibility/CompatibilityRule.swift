import RigSpec
import RigSystem
import RigProbe

/// A check over the spec alone (no machine needed) that parts and versions work together.
package protocol CompatibilityRule: Sendable {
    /// Stable id shown with each finding (`cuda-min-driver`).
    var id: String { get }
    /// One line saying what the rule checks.
    var summary: String { get }
    /// The problems in `spec`; empty when the spec passes.
    func check(_ spec: MachineSpec) -> [Finding]
    /// The same, with what the rules look up about `spec` shared between them (`lookups` is `spec`'s).
    func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding]
}

extension CompatibilityRule {
    /// A rule that looks nothing up.
    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] { check(spec) }
}

/// What several rules look up about one spec, looked up once and handed to each rule: every GPU
/// entry's catalog model (eight rules and the workload verdicts ask for it). One per spec, on one thread.
package final class SpecLookups {
    package let spec: MachineSpec
    private var gpus: (catalog: GPUCatalog.Identity, entries: [CatalogedGPU])?

    package init(_ spec: MachineSpec) { self.spec = spec }

    /// `spec.catalogedGPUs(catalog)`, looked up on the first call for that catalog.
    package func catalogedGPUs(_ catalog: GPUCatalog) -> [CatalogedGPU] {
        if let gpus, gpus.catalog === catalog.identity { return gpus.entries }
        let entries = spec.catalogedGPUs(catalog)
        gpus = (catalog.identity, entries)
        return entries
    }
}

/// One GPU entry of a spec with what the catalog knows about it.
package struct CatalogedGPU: Sendable {
    package let index: Int
    package let gpu: MachineSpec.GPU
    package let model: GPUModel?

    /// `parts.gpus[0].model`
    func keyPath(_ field: String) -> SpecKeyPath { "parts.gpus[\(index)].\(field)" }

    /// The known NVIDIA model, if this entry is one.
    var nvidia: GPUModel? { model?.vendor == .nvidia ? model : nil }

    /// `GeForce RTX 3090 (Ampere, sm_86)`; a family member keeps the name as written
    /// (`GeForce GTX 1080 (Pascal, sm_61)`); an unknown GPU is just its name.
    var displayName: String {
        guard let model else { return gpu.model }
        guard model.isFamily, let architecture = model.architecture, let capability = model.computeCapability else { return model.summary }
        return "\(gpu.model) (\(architecture.rawValue), \(capability.smName))"
    }
}

extension MachineSpec {
    /// Every GPU entry with its catalog lookup, in file order.
    func catalogedGPUs(_ catalog: GPUCatalog) -> [CatalogedGPU] {
        parts.gpus.enumerated().map { CatalogedGPU(index: $0.offset, gpu: $0.element, model: catalog.lookup($0.element.model)) }
    }
}
