import RigSpec
import RigSystem
import RigProbe

/// Which GPUs (by LLVM target) and which Ubuntu releases each ROCm release supports.
///
/// Source: AMD's "System requirements (Linux)" page and the install guide's release list, read from
/// ROCm/rocm-install-on-linux at the documentation branch of each release:
/// - `docs/reference/system-requirements.rst`, "Supported GPUs": the same list on docs/6.0.0 (4ffc2acda730),
///   docs/6.1.2 (70eabccab699) and docs/6.2.4 (c3325cba8483): gfx942 (MI300X, MI300A), gfx90a (MI250X, MI250,
///   MI210), gfx908 (MI100), gfx1100 (Radeon PRO W7900/W7800, RX 7900 XTX/XT/GRE), gfx1030 (Radeon PRO W6800,
///   V620) supported; gfx906 (MI50, Radeon PRO VII, Radeon VII) deprecated; gfx900 (MI25) unsupported.
/// - "Supported operating systems" and `docs/conf.py` `ubuntu_version_numbers`: ROCm 6.0 and 6.1 list
///   Ubuntu 22.04 and 20.04 (docs/6.0.2 add6228e1b7a, docs/6.1.2); ROCm 6.2 lists Ubuntu 24.04 and 22.04
///   (docs/6.2.0 86439fc9869b, docs/6.2.4). AMD publishes amd64 packages only (`deb [arch=amd64 …]`).
/// A ROCm release outside the table is "unknown" and the rules warn instead of guessing.
package struct ROCmSupport: Sendable {
    package struct Release: Sendable, Equatable {
        /// `6.2`: every 6.2.x release.
        package let minor: Version
        package let ubuntu: [String]
        package let supportedTargets: [String]
        package let deprecatedTargets: [String]
        package let source: String
    }

    package enum TargetVerdict: Sendable, Equatable {
        case supported, deprecated, unsupported
        /// The release is not in the table.
        case unknown
    }

    package let releases: [Release]

    package init(releases: [Release]) { self.releases = releases }

    /// The entry for `version`'s `major.minor`, or nil.
    package func release(_ version: Version) -> Release? {
        let minor = version.truncated(to: 2)
        return releases.first { $0.minor == minor }
    }

    package func verdict(target: String, rocm: Version) -> TargetVerdict {
        guard let release = release(rocm) else { return .unknown }
        if release.supportedTargets.contains(target) { return .supported }
        if release.deprecatedTargets.contains(target) { return .deprecated }
        return .unsupported
    }

    /// The releases rigctl knows, as `6.0–6.2`, for messages.
    package var knownRange: String {
        guard let first = releases.map(\.minor).min(), let last = releases.map(\.minor).max() else { return "none" }
        return first == last ? first.text : "\(first.text)–\(last.text)"
    }

    /// AMD's name of a release, as its repository directories and `/opt/rocm/.info/version` compare:
    /// `6.2.0` → `6.2`, `6.2.4` → `6.2.4`, `6.2` → `6.2` (the guide's `rocm_version` is `6.2` for 6.2.0 and
    /// `6.2.2` for 6.2.2: docs/conf.py of each branch).
    package static func releaseName(_ version: Version) -> String {
        var components = version.components.prefix(3).map(String.init)
        if components.count == 3, components[2] == "0" { components.removeLast() }
        return components.joined(separator: ".")
    }

    private static let gpus = ["gfx942", "gfx90a", "gfx908", "gfx1100", "gfx1030"]
    private static let deprecated = ["gfx906"]

    package static let standard = ROCmSupport(releases: [
        Release(minor: Version("6.0")!, ubuntu: ["22.04", "20.04"], supportedTargets: gpus, deprecatedTargets: deprecated,
                source: "rocm-install-on-linux docs/6.0.2 system-requirements.rst, conf.py"),
        Release(minor: Version("6.1")!, ubuntu: ["22.04", "20.04"], supportedTargets: gpus, deprecatedTargets: deprecated,
                source: "rocm-install-on-linux docs/6.1.2 system-requirements.rst, conf.py"),
        Release(minor: Version("6.2")!, ubuntu: ["24.04", "22.04"], supportedTargets: gpus, deprecatedTargets: deprecated,
                source: "rocm-install-on-linux docs/6.2.4 system-requirements.rst, conf.py"),
    ])
}
