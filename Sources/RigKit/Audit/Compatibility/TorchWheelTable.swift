import RigSpec
import RigSystem
import RigProbe

/// Which CUDA variants each PyTorch release ships wheels for, and which GPU architectures
/// (`sm_XY` cubins) each variant's wheels carry.
///
/// Sources (docs/compatibility.md §5):
/// - Variants: pytorch.org "Previous PyTorch Versions" (https://pytorch.org/get-started/previous-versions/), as
///   tabulated in OpsiClear/fussim release v0.3.8; 2.7's three variants also in pytorch/pytorch#147383
///   ("CUDA 11.8 … legacy, 12.6 … stable, 12.8 … experimental"); 2.8's cu126–cu129 in state-spaces/mamba
///   commit 6b32be0 (the CI's torch → CUDA map); 2.9's in the PyTorch dev-discuss post "Addition of CUDA 13.0 nightly
///   builds and deprecation CUDA 12.9 builds" (12.6 legacy, 12.8 stable, 13.0 prototype).
/// - Architectures: `cuobjdump --list-elf` over the released binaries, moi90/pytorch_compute_capabilities
///   `table.md` (commit 2431f175… and its successor with the 2.6/2.7 rows); 2.8–2.10 from PyTorch's own build
///   script and support matrix (cited at each release below).
package struct TorchWheelTable: Sendable {
    package struct Release: Sendable, Equatable {
        /// `2.7` (wheels of every 2.7.x).
        package let torch: Version
        /// `11.8`, `12.6`, `12.8`: the CUDA of each variant index (`cu118`, …).
        package let variants: [Version]
        /// Variant → the `sm_XY` the wheels carry; a variant missing here is not measured.
        package let architectures: [Version: [ComputeCapability]]
    }

    package let releases: [Release]

    package init(releases: [Release]) { self.releases = releases }

    /// The release a torch pin resolves to: `2.7` or `2.7.1` → 2.7; `>=2.7` → the newest known at or above 2.7.
    package func release(for constraint: VersionConstraint) -> Release? {
        let minor = constraint.version.truncated(to: 2)
        switch constraint.kind {
        case .prefix: return releases.first { Self.same($0.torch, minor) }
        case .atLeast: return releases.filter { !($0.torch < minor) }.max { $0.torch < $1.torch }
        }
    }

    /// The CUDA of a variant as the table lists it, or nil when the release has no such variant.
    package func variant(_ cuda: Version, in release: Release) -> Version? {
        release.variants.first { Self.same($0, cuda.truncated(to: 2)) }
    }

    /// The cubins of a variant, or nil when the table has not measured them.
    package func architectures(_ variant: Version, in release: Release) -> [ComputeCapability]? {
        release.architectures.first { Self.same($0.key, variant) }?.value
    }

    /// Numerically equal (`12.8` and `12.8.0`): `Version`'s `==` also compares the text.
    static func same(_ lhs: Version, _ rhs: Version) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// Whether the cubins run on `gpu`: a cubin for X.Y runs on X.Z with Z ≥ Y (CUDA C Programming Guide,
    /// "Binary Compatibility"); no other major. PTX fallback is not counted: the wheels' PTX is not listed.
    package static func runs(_ cubins: [ComputeCapability], on gpu: ComputeCapability) -> Bool {
        cubins.contains { $0.major == gpu.major && $0.minor <= gpu.minor }
    }

    private static func v(_ text: String) -> Version { Version(text)! }
    private static func sm(_ list: [Int]) -> [ComputeCapability] { list.map { ComputeCapability($0 / 10, $0 % 10) } }

    /// docs/compatibility.md §5.
    package static let standard = TorchWheelTable(releases: [
        Release(torch: v("2.5"), variants: [v("11.8"), v("12.1"), v("12.4")], architectures: [
            v("11.8"): sm([37, 50, 60, 61, 70, 75, 80, 86, 90]),
            v("12.1"): sm([50, 60, 61, 70, 75, 80, 86, 90]),
            v("12.4"): sm([50, 60, 61, 70, 75, 80, 86, 90]),
        ]),
        Release(torch: v("2.6"), variants: [v("11.8"), v("12.4"), v("12.6")], architectures: [
            v("11.8"): sm([37, 50, 60, 70, 75, 80, 86, 90]),
            v("12.4"): sm([50, 60, 70, 75, 80, 86, 90]),
            v("12.6"): sm([50, 60, 70, 75, 80, 86, 90]),
        ]),
        Release(torch: v("2.7"), variants: [v("11.8"), v("12.6"), v("12.8")], architectures: [
            v("11.8"): sm([37, 50, 60, 70, 75, 80, 86, 90]),
            v("12.6"): sm([50, 60, 70, 75, 80, 86, 90]),
            v("12.8"): sm([75, 80, 86, 90, 100, 120]),
        ]),
        // The build script's TORCH_CUDA_ARCH_LIST (Linux x86_64): pytorch/pytorch `.ci/manywheel/build_cuda.sh` of the
        // 2.8 cycle (12.6 "5.0;6.0;7.0;7.5;8.0;8.6;9.0", 12.8 "7.0;…;10.0;12.0", 12.9 the same + PTX); Volta kept in
        // cu128/cu129 for 2.8: pytorch/pytorch#160269 (and #157517).
        Release(torch: v("2.8"), variants: [v("12.6"), v("12.8"), v("12.9")], architectures: [
            v("12.6"): sm([50, 60, 70, 75, 80, 86, 90]),
            v("12.8"): sm([70, 75, 80, 86, 90, 100, 120]),
            v("12.9"): sm([70, 75, 80, 86, 90, 100, 120]),
        ]),
        // RELEASE.md "PyTorch CUDA Support Matrix", "For Release 2.9 and 2.10" (pytorch/pytorch#164471, its heading as
        // pytorch/pytorch#175253 quotes it): 12.6.3, 12.8.1, 13.0.0 for Linux x86 (13.0's +PTX of 12.0 not counted).
        Release(torch: v("2.9"), variants: [v("12.6"), v("12.8"), v("13.0")], architectures: [
            v("12.6"): sm([50, 60, 70, 75, 80, 86, 90]),
            v("12.8"): sm([70, 75, 80, 86, 90, 100, 120]),
            v("13.0"): sm([75, 80, 86, 90, 100, 120]),
        ]),
        // The same matrix; variants cu126, cu128, cu130 (pyg-team/pyg-lib's build matrix, TORCH_BACKENDS "2.10.0").
        // 2.11 drops Volta from cu128 (pytorch/pytorch#172352) and is not listed yet.
        Release(torch: v("2.10"), variants: [v("12.6"), v("12.8"), v("13.0")], architectures: [
            v("12.6"): sm([50, 60, 70, 75, 80, 86, 90]),
            v("12.8"): sm([70, 75, 80, 86, 90, 100, 120]),
            v("13.0"): sm([75, 80, 86, 90, 100, 120]),
        ]),
    ])
}
