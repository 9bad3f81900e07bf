import Foundation

/// A dotted version number such as `570.124.06` or `12.8`, compared numerically.
public struct Version: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let components: [Int]
    /// The text as written; keeps leading zeros such as `570.124.06`.
    public let text: String

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 6, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            components.append(n)
        }
        self.components = components
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        for i in 0..<count {
            let l = i < lhs.components.count ? lhs.components[i] : 0
            let r = i < rhs.components.count ? rhs.components[i] : 0
            if l != r { return l < r }
        }
        return false
    }

    public static func == (lhs: Version, rhs: Version) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    /// True when `self` starts with every component of `prefix` (`570.124.06` has prefix `570`).
    public func hasPrefix(_ prefix: Version) -> Bool {
        prefix.components.count <= components.count && Array(components.prefix(prefix.components.count)) == prefix.components
    }
}

/// A pinned version as specs write it: `"570"` (that branch), `"570.124.06"` (exactly),
/// `">=570"` (that or newer). For CUDA, `"12.8"` means any 12.8.x.
public struct VersionConstraint: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable { case prefix, atLeast }
    public let kind: Kind
    public let version: Version

    public init(kind: Kind, version: Version) {
        self.kind = kind
        self.version = version
    }

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(">=") {
            guard let version = Version(String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)) else { return nil }
            self.init(kind: .atLeast, version: version)
        } else {
            guard let version = Version(trimmed) else { return nil }
            self.init(kind: .prefix, version: version)
        }
    }

    public var description: String { kind == .atLeast ? ">=\(version)" : version.text }

    public func isSatisfied(by actual: Version) -> Bool {
        switch kind {
        case .prefix: return actual.hasPrefix(version)
        case .atLeast: return actual >= version
        }
    }

    /// The oldest version this constraint allows (`570` → 570, `>=12.8` → 12.8).
    public var minimum: Version { version }

    /// The NVIDIA driver branch (first component).
    public var branch: Int { version.components[0] }

    /// JSON Schema pattern matching what `init?(_:)` accepts.
    public static let pattern = "^(>= ?)?[0-9]{1,6}(\\.[0-9]{1,6}){0,3}$"
}
