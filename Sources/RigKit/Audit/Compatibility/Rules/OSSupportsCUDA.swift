import RigSpec
import RigSystem
import RigProbe

/// The OS release is one the pinned CUDA release supports.
/// Facts: `CUDAOSSupport` (NVIDIA local-repo installers per OS release; see its sources).
/// A combination the table does not cover is a warning, never a guess.
package struct OSSupportsCUDA: CompatibilityRule {
    package let id = "os-supports-cuda"
    package let summary = "the OS release is supported by the CUDA release"
    package var table: CUDAOSSupport

    package init(table: CUDAOSSupport = .standard) { self.table = table }

    package func check(_ spec: MachineSpec) -> [Finding] {
        guard let cuda = spec.drivers?.cuda else { return [] }
        let os = spec.os.summary
        let profile = spec.os.profile
        let base = DistributionProfile.of(profile.releaseBase)
        let basis = profile.releaseBase == profile.distro ? ""
            : " (judged as \(base.displayName) \(spec.os.release), which \(profile.displayName) is built on)"
        switch table.verdict(os: spec.os, cuda: cuda.minimum) {
        case .supported:
            return []
        case let .tooOld(_, first):
            return [Finding(spec: spec, keyPath: "drivers.cuda", expected: ">=\(first)", actual: cuda.description,
                            status: .incompatible, severity: .error,
                            message: "CUDA \(cuda) does not support \(os)\(basis); the first CUDA release for it is \(first)",
                            rule: id)]
        case let .unknown(reason):
            return [Finding(spec: spec, keyPath: "os.release", expected: nil, actual: os,
                            status: .unknown, severity: .warning,
                            message: "cannot tell whether CUDA \(cuda) supports \(os)\(basis): \(reason)",
                            rule: id)]
        }
    }
}
