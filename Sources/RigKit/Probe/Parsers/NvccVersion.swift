import RigSpec
import FoundationEssentials
import RigSystem

/// `nvcc --version`: "Cuda compilation tools, release 12.5, V12.5.82".
package struct NvccVersion: Sendable, Equatable {
    /// `12.5`.
    package var release: String
    /// `12.5.82`.
    package var version: String

    package static func parse(_ text: String) -> NvccVersion? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.contains("Cuda compilation tools, release") })
        else { return nil }
        let parts = line.split(separator: ",").map { String($0).trimmed }
        guard parts.count >= 3, parts[1].hasPrefix("release ") else { return nil }
        let release = String(parts[1].dropFirst("release ".count))
        let version = parts[2].hasPrefix("V") ? String(parts[2].dropFirst()) : parts[2]
        guard isVersion(release), isVersion(version) else { return nil }
        return NvccVersion(release: release, version: version)
    }

    /// `12.5.82`: dot-separated numbers of at most 6 digits (what `VersionConstraint` can compare).
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
