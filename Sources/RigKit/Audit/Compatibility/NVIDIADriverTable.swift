import RigSpec
import RigSystem
import RigProbe

/// GPU architecture → oldest NVIDIA driver branch and which kernel-module flavour works.
///
/// Sources:
/// - RTX 50-series / RTX PRO Blackwell (sm_120): R570 is the first branch — CUDA 12.8 GA, the first toolkit
///   for sm_120, needs ≥ 570.26 (Release Notes Table 3); docs/compatibility.md §2.
/// - B200 (sm_100), B300 (sm_103), GB10 (sm_121): the branch of the first toolkit that targets them
///   (12.8 → 570.26; 13.0 → 580.65.06), derived from CUDAArchitectureSupport and CUDADriverTable.
/// - Flavour: NVIDIA, "NVIDIA Transitions Fully Towards Open-Source GPU Kernel Modules"
///   (https://developer.nvidia.com/blog/nvidia-transitions-fully-towards-open-source-gpu-kernel-modules/):
///   Blackwell must use the open modules; Maxwell, Pascal and Volta are not supported by them.
///   Also docs/compatibility.md §2 (Start9Labs/start-technologies#3465, getsolus/packages#5575).
package struct NVIDIADriverTable: Sendable {
    package enum FlavorRule: String, Sendable, Equatable {
        case any
        case openOnly = "open modules only"
        case proprietaryOnly = "proprietary modules only"
    }

    package struct Requirement: Sendable, Equatable {
        /// The oldest driver branch (`570`) that supports the GPU, where known.
        package let minimumBranch: Int?
        package let flavor: FlavorRule
        package let source: String
    }

    package init() {}

    /// What a GPU needs from the driver; nil when the table has nothing to require.
    package func requirement(for model: GPUModel) -> Requirement? {
        guard model.vendor == .nvidia, let architecture = model.architecture else { return nil }
        let blog = "NVIDIA blog: open-source GPU kernel modules"
        switch architecture {
        case .maxwell, .pascal, .volta:
            return Requirement(minimumBranch: nil, flavor: .proprietaryOnly, source: blog)
        case .turing, .ampere, .ada, .hopper:
            return nil
        case .blackwell:
            switch model.computeCapability {
            case ComputeCapability(10, 0)?:
                return Requirement(minimumBranch: 570, flavor: .openOnly, source: "CUDA 12.8 (first for sm_100) needs ≥ 570.26; \(blog)")
            case ComputeCapability(10, 3)?, ComputeCapability(12, 1)?:
                return Requirement(minimumBranch: 580, flavor: .openOnly, source: "CUDA 13.0 (first for this sm) needs ≥ 580.65.06; \(blog)")
            default:
                return Requirement(minimumBranch: 570, flavor: .openOnly, source: "docs/compatibility.md §2: R570 first branch for RTX 50; \(blog)")
            }
        }
    }
}
