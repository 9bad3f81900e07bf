import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// `/usr/local/cuda` leading to a toolkit `drivers.cuda` allows. NVIDIA's packages register every toolkit as an
/// alternative of `cuda` and the newest wins in auto mode (ShellPrelude.cudaDefaultFunctions cites the scriptlet),
/// so a second toolkit moves the link; `update-alternatives --set cuda /usr/local/cuda-X.Y` moves it back and keeps it.
package struct CUDADefault: Sendable, Equatable {
    package enum Match: String, Sendable, Equatable {
        /// `12.8` and `12.8.1` take `cuda-12.8`; `13` takes any `cuda-13.x`.
        case prefix
        /// `>=12.8` takes `cuda-12.8` or newer.
        case atleast
    }

    package var match: Match
    /// `12.8`, or `13` when the spec names only the major release (`CUDAToolkitInstall.release`).
    package var release: String

    package init(_ toolkit: CUDAToolkitInstall) {
        match = toolkit.constraint.kind == .atLeast ? .atleast : .prefix
        release = toolkit.release
    }

    /// `CUDA 12.8`, `CUDA >=12.8`.
    package var summary: String { "CUDA " + (match == .atleast ? ">=" : "") + release }
}
