import RigSpec
import RigSystem
import RigProbe

/// Which Ubuntu and Debian releases each CUDA release supports, per architecture.
///
/// Each entry records the CUDA minor releases for which NVIDIA published packages for that OS
/// release (local-repo installers `cuda-repo-<os>-<x>-<y>-local_<version>-<driver>-1_amd64.deb`,
/// seen in public install scripts and Dockerfiles found with the code search), and, where a source
/// says so, the first CUDA release that supports it. Outside those ranges the answer is "unknown",
/// never a guess: the rule then warns instead of failing.
///
/// Sources:
/// - Ubuntu 24.04: first supported by CUDA 12.5 — Bendabir/cuda README (CUDA 12.5 is the first image on
///   24.04) and two public notes that `nvidia/cuda:12.4.1-*-ubuntu24.04` does not exist; installers seen
///   from `cuda-repo-ubuntu2404-12-5-local_12.5.1-555.42.06` to `…-13-2-local_13.2.0-595.45.04`.
/// - Ubuntu 22.04: first supported by CUDA 11.7 — Bendabir/cuda README; installers seen from
///   `cuda-repo-ubuntu2204-11-7-local_11.7.0-515.43.04` to `…-13-2-local_13.2.0-595.45.04`.
/// - Ubuntu 20.04: images from CUDA 11.0 (Bendabir/cuda README); installers seen up to
///   `cuda-repo-ubuntu2004-12-9-local_12.9.1-575.57.08`. Whether 13.x supports it was not found.
/// - Debian 11: installers seen from `cuda-repo-debian11-11-7-local_11.7.1-515.65.01` to `…-12-6-local_12.6.2-560.35.03`.
/// - Debian 12: installers seen from `cuda-repo-debian12-12-3-local_12.3.0-545.23.06` to `…-13-0-local_13.0.2-580.95.05`.
/// - Ubuntu 24.04 arm64 (`sbsa`): CUDA 13.0 on DGX Spark's DGX OS (Ubuntu 24.04.4, driver 580.142; conselara.dev
///   "DGX Spark GB10 Hardware Reference") and 13.1 (NVIDIA developer forum, "SM121 CUTLASS kernel optimization
///   results … on DGX Spark"); the repository index `compute/cuda/repos/ubuntu2404/sbsa` has cuda-13 packages.
///   Older CUDA on arm64 was not found in the sources consulted, so it is "unknown".
/// The CUDA Installation Guide's "supported distributions" table could not be read in full from the sources consulted.
package struct CUDAOSSupport: Sendable {
    package struct Entry: Sendable, Equatable {
        /// Ubuntu or Debian (Pop!_OS is judged as the Ubuntu release it is built on).
        package let distro: MachineSpec.OperatingSystem.Distro
        package let release: String
        package let architecture: MachineSpec.OperatingSystem.Architecture
        /// The first CUDA minor release that supports this OS release, where a source says so.
        package let firstCUDA: Version?
        /// The CUDA minor releases seen with packages for this OS release.
        package let verified: ClosedRange<Version>
        package let source: String
    }

    /// The answer for one OS release and one CUDA minor release.
    package enum Verdict: Sendable, Equatable {
        case supported(Entry)
        /// Older than the first CUDA release that supports the OS release.
        case tooOld(Entry, firstCUDA: Version)
        /// Not covered by the table; `reason` says why.
        case unknown(reason: String)
    }

    package let entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries }

    /// Judges `cuda` (compared as `major.minor`) on `os`.
    package func verdict(os: MachineSpec.OperatingSystem, cuda: Version) -> Verdict {
        let distro = os.profile.releaseBase
        let minor = cuda.truncated(to: 2)
        let arch = os.architecture == .amd64 ? "" : " \(os.architecture.rawValue)"
        guard let entry = entries.first(where: { $0.distro == distro && $0.release == os.release && $0.architecture == os.architecture }) else {
            return .unknown(reason: "rigctl's table has no CUDA support data for \(distro.rawValue) \(os.release)\(arch)")
        }
        if let first = entry.firstCUDA, minor < first { return .tooOld(entry, firstCUDA: first) }
        if entry.verified.contains(minor) { return .supported(entry) }
        return .unknown(reason: "rigctl's table knows CUDA \(entry.verified.lowerBound)–\(entry.verified.upperBound) "
                        + "on \(distro.rawValue) \(os.release)\(arch), not CUDA \(minor)")
    }

    private static func entry(_ distro: MachineSpec.OperatingSystem.Distro, _ release: String, first: String?,
                              _ low: String, _ high: String, _ source: String,
                              architecture: MachineSpec.OperatingSystem.Architecture = .amd64) -> Entry? {
        guard let low = Version(low), let high = Version(high), low <= high else { return nil }
        return Entry(distro: distro, release: release, architecture: architecture, firstCUDA: first.flatMap(Version.init),
                     verified: low...high, source: source)
    }

    /// The table described above.
    package static let standard = CUDAOSSupport(entries: [
        entry(.ubuntu, "24.04", first: "12.5", "12.5", "13.2", "Bendabir/cuda README; cuda-repo-ubuntu2404 local installers"),
        entry(.ubuntu, "22.04", first: "11.7", "11.7", "13.2", "Bendabir/cuda README; cuda-repo-ubuntu2204 local installers"),
        entry(.ubuntu, "20.04", first: nil, "11.0", "12.9", "Bendabir/cuda README; cuda-repo-ubuntu2004 local installers"),
        entry(.debian, "12", first: nil, "12.3", "13.0", "cuda-repo-debian12 local installers"),
        entry(.debian, "11", first: nil, "11.7", "12.6", "cuda-repo-debian11 local installers"),
        entry(.ubuntu, "24.04", first: nil, "13.0", "13.1", "DGX Spark (DGX OS 7, Ubuntu 24.04 arm64) reports; ubuntu2404/sbsa repository index",
              architecture: .arm64),
    ].compactMap { $0 })
}
