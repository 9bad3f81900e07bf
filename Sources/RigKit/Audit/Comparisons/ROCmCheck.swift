import RigSpec
import RigSystem
import RigProbe

/// `drivers.rocm` against the installed release (`/opt/rocm/.info/version`), read the way the plan
/// installs it: `"6.2"` is AMD's 6.2.0, `"6.2.4"` that release, `">=6.2"` 6.2.0 or newer. The amdgpu
/// module must be AMD's `amdgpu-dkms` (the plan installs it): the kernel's own module is a drift.
///
/// The probed gfx target of each AMD GPU the catalog has no target for (a card rigctl does not know, or
/// knows without its target) is judged against the release as `gpu-rocm-support` does for catalogued ones.
package struct ROCmCheck: SpecComparison {
    let catalog: GPUCatalog
    let table: ROCmSupport

    package init(catalog: GPUCatalog = .standard, table: ROCmSupport = .standard) {
        self.catalog = catalog
        self.table = table
    }

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.drivers?.rocm == nil ? [] : [.rocm, .gpus] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let wanted = spec.drivers?.rocm, let rocm = facts.rocm else { return [] }
        let release = ROCmSupport.releaseName(wanted.version)
        let expected = wanted.kind == .atLeast ? ">=\(release)" : release
        var findings = [
            context.compare("drivers.rocm", expected: expected, fact: rocm.release, what: "the installed ROCm release", show: { $0 },
                            matches: { installed in Version(installed).map { Self.satisfies($0, wanted) } ?? false })
                .withMessage(ifDrift: { "ROCm \($0) is installed, the spec wants \(wanted.kind == .atLeast ? "\(release) or newer" : release)" }),
        ]
        if case .unknown(let reason) = rocm.amdgpuModule, reason.contains("kernel's own") {
            findings.append(context.drift("drivers.rocm", expected: "amdgpu-dkms loaded", actual: "the kernel's amdgpu",
                                          "the loaded amdgpu module is the kernel's own, not amdgpu-dkms: install it (the rocm step) and reboot"))
        }
        findings += probedTargetFindings(spec, wanted, facts)
        return findings
    }

    /// `gpu-rocm-support` over the targets the machine reports, for AMD GPUs whose catalog entry has none.
    func probedTargetFindings(_ spec: MachineSpec, _ rocm: VersionConstraint, _ facts: Facts) -> [Finding] {
        guard let gpus = facts.gpus?.value, table.release(rocm.minimum) != nil else { return [] }
        let rule = GPUSupportsROCm(catalog: catalog, table: table).id
        return gpus.filter { $0.vendor == "amd" }.compactMap { gpu -> Finding? in
            guard let target = gpu.gfxTarget?.value else { return nil }
            let named = GPUCheck.Named(gpu, catalog: catalog)
            guard named.model?.llvmTarget == nil else { return nil }   // the spec-only rule judges catalogued targets
            let what = "\(gpu.model.value ?? "the AMD GPU") at \(gpu.busID) (\(target), as the machine reports)"
            switch table.verdict(target: target, rocm: rocm.minimum) {
            case .supported:
                return Finding(spec: spec, keyPath: "drivers.rocm", expected: target, actual: rocm.description, status: .ok, severity: .info,
                               message: "ROCm \(rocm) supports \(what)", rule: rule)
            case .deprecated:
                return Finding(spec: spec, keyPath: "drivers.rocm", expected: nil, actual: rocm.description, status: .unknown, severity: .warning,
                               message: "ROCm \(rocm) lists \(what) as deprecated: support will be removed in a later release", rule: rule)
            case .unsupported:
                return Finding(spec: spec, keyPath: "drivers.rocm", expected: "a GPU ROCm \(rocm) supports", actual: target,
                               status: .incompatible, severity: .error,
                               message: "ROCm \(rocm) does not support \(what): AMD's system requirements list no \(target) GPU for it", rule: rule)
            case .unknown:
                return nil
            }
        }
    }

    /// The installed release names the same AMD release (`6.2` = `6.2.0`), or a newer one for `>=`.
    static func satisfies(_ installed: Version, _ wanted: VersionConstraint) -> Bool {
        switch wanted.kind {
        case .atLeast: return installed >= wanted.version
        case .prefix: return ROCmSupport.releaseName(installed) == ROCmSupport.releaseName(wanted.version)
        }
    }
}
