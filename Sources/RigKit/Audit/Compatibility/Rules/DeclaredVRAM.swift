import RigSpec
import RigSystem
import RigProbe

/// The VRAM written for a GPU is a size that model ships with (a typo check).
/// Facts: `GPUCatalog` VRAM per model variant (observed `nvidia-smi` memory totals, docs/compatibility.md §3).
/// Vendors print GDDR/HBM sizes in binary units as "GB", and `nvidia-smi` reports a little less than the
/// nominal size (ECC, reserved memory), so a declared size within 3 % of either N GiB or N GB matches.
/// A mismatch is an error when the catalog lists every variant of the model, else a warning.
package struct DeclaredVRAM: CompatibilityRule {
    package let id = "declared-vram"
    package let summary = "declared VRAM matches the known VRAM of the GPU model"
    package var catalog: GPUCatalog

    /// Relative tolerance when comparing sizes.
    package static let tolerance = 0.03

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        lookups.catalogedGPUs(catalog).compactMap { entry -> Finding? in
            guard let declared = entry.gpu.vram, let model = entry.model, !model.isFamily, !model.vramGiB.isEmpty else { return nil }
            if model.vramGiB.contains(where: { Self.matches(declared.value, nominalGiB: $0) }) { return nil }
            let known = model.vramGiB.map { Self.format($0) + " GB" }.joined(separator: " or ")
            return Finding(spec: spec, keyPath: entry.keyPath("vram"), expected: known, actual: declared.text,
                           status: .incompatible, severity: model.vramVariantsComplete ? .error : .warning,
                           message: "parts.gpus[\(entry.index)] declares \(declared.text) of VRAM, but a \(model.name) has \(known)"
                               + (model.vramVariantsComplete ? "" : " in rigctl's table (other variants may exist)"),
                           rule: id)
        }
    }

    static func matches(_ bytes: Double, nominalGiB: Double) -> Bool {
        [nominalGiB * 1_073_741_824, nominalGiB * 1e9].contains { abs(bytes - $0) <= $0 * tolerance }
    }

    private static func format(_ value: Double) -> String {
        value.wholeNumberText ?? String(value)
    }
}
