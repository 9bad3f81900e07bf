import RigSpec
import RigSystem
import RigProbe

/// The pinned driver branch and kernel-module flavour support every GPU: RTX 50-series needs
/// R570+ with the open modules; Maxwell/Pascal/Volta need the proprietary ones.
/// Facts: `NVIDIADriverTable` (docs/compatibility.md §2, NVIDIA's open-module announcement).
package struct GPUMinimumDriver: CompatibilityRule {
    package let id = "gpu-min-driver"
    package let summary = "the NVIDIA driver branch and module flavour support each GPU"
    package var catalog: GPUCatalog
    package var table: NVIDIADriverTable

    package init(catalog: GPUCatalog = .standard, table: NVIDIADriverTable = NVIDIADriverTable()) {
        self.catalog = catalog
        self.table = table
    }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        guard let driver = spec.drivers?.nvidia else { return [] }
        var findings: [Finding] = []
        for entry in lookups.catalogedGPUs(catalog) {
            guard let model = entry.nvidia, let requirement = table.requirement(for: model) else { continue }
            if let branch = requirement.minimumBranch, let minimum = Version.of([branch]), !driver.version.floorMeets(minimum) {
                findings.append(Finding(
                    spec: spec, keyPath: "drivers.nvidia.version", expected: ">=\(branch)", actual: driver.version.description,
                    status: .incompatible, severity: .error,
                    message: "\(entry.displayName) in parts.gpus[\(entry.index)] needs driver branch \(branch) or newer; "
                        + "the spec pins \(driver.version)",
                    rule: id))
            }
            let wrongFlavor: MachineSpec.Drivers.NVIDIA.Flavor? = switch requirement.flavor {
            case .openOnly: .proprietary
            case .proprietaryOnly: .open
            case .any: nil
            }
            if let wrongFlavor, driver.flavor == wrongFlavor {
                let wanted = wrongFlavor == .open ? "proprietary" : "open"
                findings.append(Finding(
                    spec: spec, keyPath: "drivers.nvidia.flavor", expected: wanted, actual: driver.flavor.rawValue,
                    status: .incompatible, severity: .error,
                    message: "\(entry.displayName) in parts.gpus[\(entry.index)] works only with the \(wanted) kernel modules; "
                        + "the spec asks for \(driver.flavor.rawValue)",
                    rule: id))
            }
        }
        return findings
    }
}
