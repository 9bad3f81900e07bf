import RigSpec
import RigSystem
import RigProbe

/// The pinned CUDA toolkit can compile for every GPU: new enough for the newest architecture
/// (RTX 50 / sm_120 needs 12.8) and not so new that it dropped an old one (13.0 drops sm < 7.5).
/// Facts: `CUDAArchitectureSupport` (docs/compatibility.md §2).
package struct GPUMinimumCUDA: CompatibilityRule {
    package let id = "gpu-min-cuda"
    package let summary = "the CUDA toolkit supports each GPU's architecture"
    package var catalog: GPUCatalog
    package var table: CUDAArchitectureSupport

    package init(catalog: GPUCatalog = .standard, table: CUDAArchitectureSupport = .standard) {
        self.catalog = catalog
        self.table = table
    }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        guard let cuda = spec.drivers?.cuda else { return [] }
        return lookups.catalogedGPUs(catalog).compactMap { entry -> Finding? in
            guard let model = entry.nvidia, let capability = model.computeCapability,
                  let support = table.entry(for: capability) else { return nil }
            if let minimum = support.minimumCUDA, !cuda.floorMeets(minimum) {
                return Finding(spec: spec, keyPath: "drivers.cuda", expected: ">=\(minimum)", actual: cuda.description,
                               status: .incompatible, severity: .error,
                               message: "\(entry.displayName) needs CUDA \(minimum) or newer (the first toolkit that targets "
                                   + "\(capability.smName)); the spec pins CUDA \(cuda) for parts.gpus[\(entry.index)]",
                               rule: id)
            }
            if let dropped = support.droppedIn, cuda.version.truncated(to: 2) >= dropped {
                return Finding(spec: spec, keyPath: "drivers.cuda", expected: "<\(dropped)", actual: cuda.description,
                               status: .incompatible, severity: .error,
                               message: "CUDA \(dropped) dropped \(capability.smName) (\(model.architecture?.rawValue ?? "this architecture")), "
                                   + "so CUDA \(cuda) cannot build for \(entry.displayName) in parts.gpus[\(entry.index)]; "
                                   + "pin a 12.x toolkit",
                               rule: id)
            }
            return nil
        }
    }
}
