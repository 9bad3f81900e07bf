import RigSpec
import RigSystem
import RigProbe

/// The pinned ROCm release supports each AMD GPU's LLVM target (gfx1100, gfx942, gfx90a…).
/// An unsupported target is an error, a deprecated one a warning. Facts: `ROCmSupport`, `GPUCatalog`.
package struct GPUSupportsROCm: CompatibilityRule {
    package let id = "gpu-rocm-support"
    package let summary = "the ROCm release supports each AMD GPU"
    package var catalog: GPUCatalog
    package var table: ROCmSupport

    package init(catalog: GPUCatalog = .standard, table: ROCmSupport = .standard) {
        self.catalog = catalog
        self.table = table
    }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        guard let rocm = spec.drivers?.rocm else { return [] }
        return lookups.catalogedGPUs(catalog).compactMap { entry -> Finding? in
            guard let model = entry.model, model.vendor == .amd, let target = model.llvmTarget else { return nil }
            switch table.verdict(target: target, rocm: rocm.minimum) {
            case .supported, .unknown:
                return nil
            case .deprecated:
                return Finding(spec: spec, keyPath: "drivers.rocm", expected: nil, actual: rocm.description,
                               status: .unknown, severity: .warning,
                               message: "ROCm \(rocm) lists \(model.name) (\(target)) in parts.gpus[\(entry.index)] as deprecated: "
                                   + "support will be removed in a later release",
                               rule: id)
            case .unsupported:
                return Finding(spec: spec, keyPath: entry.keyPath("model"), expected: "a GPU ROCm \(rocm) supports", actual: entry.gpu.model,
                               status: .incompatible, severity: .error,
                               message: "ROCm \(rocm) does not support \(model.name) (\(target)) in parts.gpus[\(entry.index)]: "
                                   + "AMD's system requirements list no \(target) GPU for it",
                               rule: id)
            }
        }
    }
}

/// The OS is one AMD publishes the pinned ROCm release for: Ubuntu (Pop!_OS judged as the Ubuntu release
/// it is built on), a release AMD lists, on amd64. Facts: `ROCmSupport`.
package struct OSSupportsROCm: CompatibilityRule {
    package let id = "os-supports-rocm"
    package let summary = "the OS release is supported by the ROCm release"
    package var table: ROCmSupport

    package init(table: ROCmSupport = .standard) { self.table = table }

    /// The first ROCm major whose repository layout the plan does not write.
    static let firstUnplannedMajor = 7

    package func check(_ spec: MachineSpec) -> [Finding] {
        guard let rocm = spec.drivers?.rocm else { return [] }
        func problem(_ keyPath: SpecKeyPath, _ expected: String?, _ actual: String, _ message: String) -> [Finding] {
            [Finding(spec: spec, keyPath: keyPath, expected: expected, actual: actual,
                     status: .incompatible, severity: .error, message: message, rule: id)]
        }
        // AMD's repositories are per release (`rocm/apt/6.2.4`): a bare major cannot name one.
        if rocm.version.components.count < 2 {
            return problem("drivers.rocm", "a release such as \"6.2\" or \"6.2.4\"", rocm.description,
                           "drivers.rocm must name a ROCm release (\"6.2\" or \"6.2.4\"): AMD's repositories are per release, not per major")
        }
        let os = spec.os.summary
        if spec.os.architecture != .amd64 {
            return problem("os.arch", "amd64", spec.os.architecture.rawValue,
                           "AMD publishes ROCm packages for amd64 only (`deb [arch=amd64 …]`), not for \(os)")
        }
        let profile = spec.os.profile
        guard profile.releaseBase == .ubuntu else {
            return problem("os.distro", "ubuntu", spec.os.distro.rawValue,
                           "rigctl installs ROCm from AMD's Ubuntu repositories; \(profile.displayName) is not one of them")
        }
        let basis = profile.distro == .ubuntu ? "" : " (judged as Ubuntu \(spec.os.release), which \(profile.displayName) is built on)"
        // ROCm 7's Ubuntu guide registers only `rocm/apt/<release>` and sends the kernel driver to AMD's Instinct
        // driver documentation (package-manager-ubuntu.rst on develop, 00a5407c): `amdgpu/<release>`, which the
        // plan writes, is the 6.x layout, so a 7.x release is refused rather than planned wrong.
        if rocm.version.components[0] >= Self.firstUnplannedMajor {
            return problem("drivers.rocm", "a 6.x release", rocm.description,
                           "rigctl plans ROCm 6.x (its amdgpu/<release> driver repository); ROCm \(rocm) installs the amdgpu driver "
                               + "from a separately versioned repository that rigctl does not plan yet")
        }
        guard let release = table.release(rocm.minimum) else {
            return [Finding(spec: spec, keyPath: "drivers.rocm", expected: nil, actual: rocm.description,
                            status: .unknown, severity: .warning,
                            message: "cannot tell whether ROCm \(rocm) supports \(os)\(basis) or its GPUs: rigctl's table knows ROCm \(table.knownRange)",
                            rule: id)]
        }
        guard release.ubuntu.contains(spec.os.release) else {
            return problem("os.release", release.ubuntu.joined(separator: " or "), spec.os.release,
                           "ROCm \(rocm) supports Ubuntu \(release.ubuntu.joined(separator: " and ")), not \(os)\(basis)")
        }
        return []
    }
}

/// Each GPU driver the spec installs has a GPU of its vendor: ROCm on a machine whose GPUs are all NVIDIA,
/// or the NVIDIA driver on one whose GPUs are all AMD, is an error; a CUDA toolkit without an NVIDIA GPU
/// is a warning (it still compiles, nothing runs it). Only judged when every GPU is known.
package struct DriverMatchesGPUVendor: CompatibilityRule {
    package let id = "driver-gpu-vendor"
    package let summary = "each GPU driver has a GPU of its vendor"
    package var catalog: GPUCatalog

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        guard let drivers = spec.drivers, !spec.parts.gpus.isEmpty else { return [] }
        let models = lookups.catalogedGPUs(catalog).map(\.model)
        guard models.allSatisfy({ $0 != nil }) else { return [] }
        let vendors = Set(models.compactMap { $0?.vendor })
        let listed = spec.parts.gpus.map(\.model).joined(separator: ", ")
        var findings: [Finding] = []
        if let rocm = drivers.rocm, !vendors.contains(.amd) {
            findings.append(Finding(spec: spec, keyPath: "drivers.rocm", expected: "an AMD GPU in parts.gpus", actual: rocm.description,
                                    status: .incompatible, severity: .error,
                                    message: "drivers.rocm installs AMD's ROCm and amdgpu driver, but parts.gpus has no AMD GPU (\(listed))",
                                    rule: id))
        }
        guard !vendors.contains(.nvidia) else { return findings }
        if let nvidia = drivers.nvidia {
            findings.append(Finding(spec: spec, keyPath: "drivers.nvidia.version", expected: "an NVIDIA GPU in parts.gpus",
                                    actual: nvidia.version.description, status: .incompatible, severity: .error,
                                    message: "drivers.nvidia installs the NVIDIA driver, but parts.gpus has no NVIDIA GPU (\(listed))",
                                    rule: id))
        }
        if let cuda = drivers.cuda {
            findings.append(Finding(spec: spec, keyPath: "drivers.cuda", expected: "an NVIDIA GPU in parts.gpus", actual: cuda.description,
                                    status: .unknown, severity: .warning,
                                    message: "drivers.cuda installs the CUDA toolkit, but parts.gpus has no NVIDIA GPU (\(listed)) to run what it builds",
                                    rule: id))
        }
        return findings
    }
}
