import RigSpec
import RigSystem
import RigProbe

/// The pinned NVIDIA driver is new enough for the pinned CUDA toolkit.
/// Facts: `CUDADriverTable` (Release Notes Table 3 and the 11.x/12.x/13.x family floors, docs/compatibility.md §1).
/// Below Table 3 but at or above the family floor, CUDA runs under minor-version compatibility
/// (no PTX JIT of newer code, some features missing): a warning. Below the floor: an error.
package struct CUDAMinimumDriver: CompatibilityRule {
    package let id = "cuda-min-driver"
    package let summary = "the NVIDIA driver is new enough for the CUDA toolkit"
    package var table: CUDADriverTable

    package init(table: CUDADriverTable = .standard) { self.table = table }

    package func check(_ spec: MachineSpec) -> [Finding] {
        guard let cuda = spec.drivers?.cuda, let driver = spec.drivers?.nvidia?.version else { return [] }
        let keyPath: SpecKeyPath = "drivers.nvidia.version"
        switch table.requirement(for: cuda) {
        case let .release(entry, floor):
            if driver.floorMeets(entry.minimumDriver) { return [] }
            let bundled = entry.bundledDriver.flatMap { $0 == entry.minimumDriver ? nil : " (its .run installer bundles \($0))" } ?? ""
            let needs = "CUDA \(cuda) (\(entry.release)) needs driver >= \(entry.minimumDriver)\(bundled); the spec pins driver \(driver)"
            if let floor, driver.floorMeets(floor.minimumDriver) {
                return [Finding(spec: spec, keyPath: keyPath, expected: ">=\(entry.minimumDriver)", actual: driver.description,
                                status: .incompatible, severity: .warning,
                                message: needs + ", which runs CUDA \(floor.major).x only under minor-version compatibility "
                                    + "(>= \(floor.minimumDriver): no PTX JIT of newer code, some features missing)",
                                rule: id)]
            }
            return [Finding(spec: spec, keyPath: keyPath, expected: ">=\(entry.minimumDriver)", actual: driver.description,
                            status: .incompatible, severity: .error, message: needs, rule: id)]
        case let .familyOnly(floor):
            if driver.floorMeets(floor.minimumDriver) {
                return [Finding(spec: spec, keyPath: "drivers.cuda", expected: nil, actual: cuda.description,
                                status: .unknown, severity: .warning,
                                message: "CUDA \(cuda) is not in rigctl's driver table (Release Notes Table 3); driver \(driver) "
                                    + "meets the CUDA \(floor.major).x floor \(floor.minimumDriver), but the exact minimum is unknown",
                                rule: id)]
            }
            return [Finding(spec: spec, keyPath: keyPath, expected: ">=\(floor.minimumDriver)", actual: driver.description,
                            status: .incompatible, severity: .error,
                            message: "CUDA \(floor.major).x needs driver >= \(floor.minimumDriver); the spec pins driver \(driver)",
                            rule: id)]
        case .unknown:
            return [Finding(spec: spec, keyPath: "drivers.cuda", expected: nil, actual: cuda.description,
                            status: .unknown, severity: .warning,
                            message: "CUDA \(cuda) is not a release rigctl knows; its minimum driver cannot be checked",
                            rule: id)]
        }
    }
}
