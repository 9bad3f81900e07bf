import RigSpec
import RigSystem
import RigProbe

/// Which CUDA toolkits can compile for each compute capability.
///
/// Sources (docs/compatibility.md §2): pytorch/pytorch `cmake/Modules_CUDA_fix/upstream/FindCUDA/select_compute_arch.cmake`
/// (commit 00afc038…) for the toolkit that added each `sm`; NVIDIA CUTLASS Blackwell docs for sm_100/103/120/121;
/// CUDA 13.0 release notes "Deprecated Architectures": Maxwell, Pascal and Volta (below 7.5) dropped for offline compilation.
package struct CUDAArchitectureSupport: Sendable {
    package struct Entry: Sendable, Equatable {
        package let capability: ComputeCapability
        /// The first toolkit that can target it; nil when older than every toolkit rigctl knows.
        package let minimumCUDA: Version?
        /// The first toolkit that no longer targets it.
        package let droppedIn: Version?
        package let source: String
    }

    package let entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries }

    /// The entry for `capability`, or nil when the table does not know it.
    package func entry(for capability: ComputeCapability) -> Entry? {
        entries.first(where: { $0.capability == capability })
    }

    private static func v(_ text: String) -> Version? { Version(text) }
    private static let cmake = "pytorch select_compute_arch.cmake"
    private static let dropped = "CUDA 13.0 release notes, Deprecated Architectures"

    /// The table from docs/compatibility.md §2.
    package static let standard = CUDAArchitectureSupport(entries: [
        Entry(capability: ComputeCapability(5, 0), minimumCUDA: nil, droppedIn: v("13.0"), source: dropped),
        Entry(capability: ComputeCapability(5, 2), minimumCUDA: nil, droppedIn: v("13.0"), source: dropped),
        Entry(capability: ComputeCapability(6, 0), minimumCUDA: nil, droppedIn: v("13.0"), source: dropped),
        Entry(capability: ComputeCapability(6, 1), minimumCUDA: nil, droppedIn: v("13.0"), source: dropped),
        Entry(capability: ComputeCapability(7, 0), minimumCUDA: nil, droppedIn: v("13.0"), source: dropped),
        Entry(capability: ComputeCapability(7, 5), minimumCUDA: v("10.0"), droppedIn: nil, source: "docs/compatibility.md §2 (Turing)"),
        Entry(capability: ComputeCapability(8, 0), minimumCUDA: v("11.0"), droppedIn: nil, source: "\(cmake): 8.0 from CUDA > 10.5"),
        Entry(capability: ComputeCapability(8, 6), minimumCUDA: v("11.1"), droppedIn: nil, source: "\(cmake): 8.6 from 11.1"),
        Entry(capability: ComputeCapability(8, 9), minimumCUDA: v("11.8"), droppedIn: nil, source: "\(cmake): Ada 8.9 from 11.8"),
        Entry(capability: ComputeCapability(9, 0), minimumCUDA: v("11.8"), droppedIn: nil, source: "\(cmake): Hopper 9.0 from 11.8"),
        Entry(capability: ComputeCapability(10, 0), minimumCUDA: v("12.8"), droppedIn: nil,
              source: "\(cmake): 10.0 for CUDA > 12.6 (12.7 never shipped); CUTLASS docs: B200 SM100 min 12.8"),
        Entry(capability: ComputeCapability(10, 3), minimumCUDA: v("13.0"), droppedIn: nil, source: "CUTLASS docs: B300 SM103 min 13.0"),
        Entry(capability: ComputeCapability(12, 0), minimumCUDA: v("12.8"), droppedIn: nil,
              source: "\(cmake): 12.0 for CUDA > 12.6; CUTLASS docs: GeForce RTX 50x0 SM120 min 12.8"),
        // CUTLASS says 13.0, pytorch's cmake adds 12.1 only from 13.1: the vendor documentation wins.
        Entry(capability: ComputeCapability(12, 1), minimumCUDA: v("13.0"), droppedIn: nil, source: "CUTLASS docs: GB10 SM121 min 13.0"),
    ])
}
