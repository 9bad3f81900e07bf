import RigText

/// A dotted version number such as `570.124.06` or `12.8`, compared numerically.
package struct Version: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let components: [Int]
    /// The text as written; keeps leading zeros such as `570.124.06`.
    package let text: String

    package init?(_ text: String) {
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

    package var description: String { text }

    package static func < (lhs: Version, rhs: Version) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        for i in 0..<count {
            let l = i < lhs.components.count ? lhs.components[i] : 0
            let r = i < rhs.components.count ? rhs.components[i] : 0
            if l != r { return l < r }
        }
        return false
    }

    package static func == (lhs: Version, rhs: Version) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    package func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    /// True when `self` starts with every component of `prefix` (`570.124.06` has prefix `570`).
    package func hasPrefix(_ prefix: Version) -> Bool {
        prefix.components.count <= components.count && components.prefix(prefix.components.count).elementsEqual(prefix.components)
    }
}

/// A pinned version as specs write it: `"570"` (that branch), `"570.124.06"` (exactly),
/// `">=570"` (that or newer). For CUDA, `"12.8"` means any 12.8.x.
package struct VersionConstraint: Hashable, Sendable, CustomStringConvertible {
    package enum Kind: String, Hashable, Sendable { case prefix, atLeast }
    package let kind: Kind
    package let version: Version

    package init(kind: Kind, version: Version) {
        self.kind = kind
        self.version = version
    }

    package init?(_ text: String) {
        let trimmed = text.trimmed(.whitespaces)
        if trimmed.hasPrefix(">=") {
            guard let version = Version(String(trimmed.dropFirst(2)).trimmed(.whitespaces)) else { return nil }
            self.init(kind: .atLeast, version: version)
        } else {
            guard let version = Version(trimmed) else { return nil }
            self.init(kind: .prefix, version: version)
        }
    }

    package var description: String { kind == .atLeast ? ">=\(version)" : version.text }

    package func isSatisfied(by actual: Version) -> Bool {
        switch kind {
        case .prefix: return actual.hasPrefix(version)
        case .atLeast: return actual >= version
        }
    }

    /// The oldest version this constraint allows (`570` → 570, `>=12.8` → 12.8).
    package var minimum: Version { version }

    /// The NVIDIA driver branch (first component).
    package var branch: Int { version.components[0] }

    /// JSON Schema pattern matching what `init?(_:)` accepts.
    package static let pattern = "^(>= ?)?[0-9]{1,6}(\\.[0-9]{1,6}){0,3}$"
}
