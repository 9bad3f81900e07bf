import RigSpec
import RigSystem
import RigProbe

/// `drivers.rocm` against the installed release (`/opt/rocm/.info/version`), read the way the plan
/// installs it: `"6.2"` is AMD's 6.2.0, `"6.2.4"` that release, `">=6.2"` 6.2.0 or newer. The amdgpu
/// module must be AMD's `amdgpu-dkms` (the plan installs it): the kernel's own module is a drift.
package struct ROCmCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.drivers?.rocm == nil ? [] : [.rocm] }

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
        return findings
    }

    /// The installed release names the same AMD release (`6.2` = `6.2.0`), or a newer one for `>=`.
    static func satisfies(_ installed: Version, _ wanted: VersionConstraint) -> Bool {
        switch wanted.kind {
        case .atLeast: return installed >= wanted.version
        case .prefix: return ROCmSupport.releaseName(installed) == ROCmSupport.releaseName(wanted.version)
        }
    }
}
