import RigSpec
import RigSystem
import RigProbe

/// `python.torch` against the machine: the release ships the CUDA variant, the variant's wheels
/// carry code for every GPU in `parts.gpus`, and a GPU machine does not get the CPU-only wheels.
/// Facts: `TorchWheelTable` (docs/compatibility.md §5) and `GPUCatalog`.
package struct TorchWheelArchitectures: CompatibilityRule {
    package let id = "torch-cuda-arch"
    package let summary = "the PyTorch wheels have the CUDA variant and code for every GPU"
    package var table: TorchWheelTable
    package var catalog: GPUCatalog

    package init(table: TorchWheelTable = .standard, catalog: GPUCatalog = .standard) {
        self.table = table
        self.catalog = catalog
    }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        guard let torch = spec.python?.torch else { return [] }
        let nvidia = lookups.catalogedGPUs(catalog).filter { $0.nvidia != nil }
        guard let cuda = torch.cuda else {
            guard let first = nvidia.first else { return [] }
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: "a CUDA variant", actual: "cpu",
                            status: .incompatible, severity: .warning,
                            message: "the CPU-only PyTorch wheels on a machine with \(nvidia.count == 1 ? "an NVIDIA GPU" : "\(nvidia.count) NVIDIA GPUs") (\(first.displayName)): torch.cuda.is_available() will be false; name a CUDA variant such as \"12.8\"",
                            rule: id)]
        }
        guard let release = table.release(for: torch.version) else {
            return [Finding(spec: spec, keyPath: "python.torch.version", expected: nil, actual: torch.version.description,
                            status: .unknown, severity: .warning,
                            message: "PyTorch \(torch.version) is not a release rigctl's wheel table knows; its CUDA variants cannot be checked",
                            rule: id)]
        }
        guard let variant = table.variant(cuda, in: release) else {
            let offered = release.variants.map { "cu" + $0.components.map(String.init).joined() }.joined(separator: ", ")
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: offered, actual: torch.variant,
                            status: .incompatible, severity: .error,
                            message: "PyTorch \(release.torch) has no \(torch.variant) wheels (it ships \(offered))", rule: id)]
        }
        guard let cubins = table.architectures(variant, in: release) else {
            guard !nvidia.isEmpty else { return [] }
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: nil, actual: torch.variant,
                            status: .unknown, severity: .warning,
                            message: "rigctl's wheel table has no architecture list for PyTorch \(release.torch) \(torch.variant); whether it runs on the GPUs cannot be checked",
                            rule: id)]
        }
        return nvidia.compactMap { entry -> Finding? in
            guard let capability = entry.nvidia?.computeCapability, !TorchWheelTable.runs(cubins, on: capability) else { return nil }
            let carried = cubins.map(\.smName).joined(separator: ", ")
            let newer = firstWheels(for: capability).map { "; PyTorch \($0.torch) \($0.variant) has it" } ?? ""
            return Finding(spec: spec, keyPath: entry.keyPath("model"), expected: carried, actual: capability.smName,
                           status: .incompatible, severity: .error,
                           message: "PyTorch \(release.torch) \(torch.variant) wheels carry no code for \(entry.displayName) (they have \(carried)): \"no kernel image is available for execution on the device\"\(newer)",
                           rule: id)
        }
    }
}

/// The CUDA of the PyTorch wheels runs on the pinned driver: the wheels bring their own CUDA
/// runtime (pip's `nvidia-*-cu12` packages), so only the driver must be new enough for that CUDA
/// (`CUDADriverTable`, docs/compatibility.md §1; the same judgement as `cuda-min-driver`).
extension TorchWheelArchitectures {
    /// The oldest release and variant in the table whose wheels run on `capability`.
    func firstWheels(for capability: ComputeCapability) -> (torch: Version, variant: String)? {
        for release in table.releases.sorted(by: { $0.torch < $1.torch }) {
            for variant in release.variants {
                guard let cubins = table.architectures(variant, in: release), TorchWheelTable.runs(cubins, on: capability) else { continue }
                return (release.torch, "cu" + variant.components.map(String.init).joined())
            }
        }
        return nil
    }
}

package struct TorchWheelDriver: CompatibilityRule {
    package let id = "torch-cuda-driver"
    package let summary = "the NVIDIA driver is new enough for the PyTorch wheels' CUDA"
    package var table: CUDADriverTable

    package init(table: CUDADriverTable = .standard) { self.table = table }

    package func check(_ spec: MachineSpec) -> [Finding] {
        guard let torch = spec.python?.torch, let cuda = torch.cuda, let driver = spec.drivers?.nvidia?.version,
              let constraint = VersionConstraint(cuda.truncated(to: 2).text) else { return [] }
        switch table.requirement(for: constraint) {
        case let .release(entry, floor):
            if driver.floorMeets(entry.minimumDriver) { return [] }
            let needs = "the PyTorch \(torch.variant) wheels bring CUDA \(constraint) (\(entry.release)), which needs driver >= \(entry.minimumDriver); the spec pins driver \(driver)"
            if let floor, driver.floorMeets(floor.minimumDriver) {
                return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: ">=\(entry.minimumDriver)", actual: driver.description,
                                status: .incompatible, severity: .warning,
                                message: needs + ", which runs CUDA \(floor.major).x only under minor-version compatibility (no PTX JIT of newer code)",
                                rule: id)]
            }
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: ">=\(entry.minimumDriver)", actual: driver.description,
                            status: .incompatible, severity: .error, message: needs, rule: id)]
        case let .familyOnly(floor):
            if driver.floorMeets(floor.minimumDriver) { return [] }
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: ">=\(floor.minimumDriver)", actual: driver.description,
                            status: .incompatible, severity: .error,
                            message: "the PyTorch \(torch.variant) wheels need a CUDA \(floor.major).x driver >= \(floor.minimumDriver); the spec pins driver \(driver)",
                            rule: id)]
        case .unknown:
            return [Finding(spec: spec, keyPath: "python.torch.cuda", expected: nil, actual: torch.variant,
                            status: .unknown, severity: .warning,
                            message: "CUDA \(cuda) of the PyTorch wheels is not a release rigctl knows; its minimum driver cannot be checked",
                            rule: id)]
        }
    }
}
