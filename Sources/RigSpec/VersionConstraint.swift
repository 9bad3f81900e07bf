import RigText

/// A dotted version number such as `570.124.06` or `12.8`, compared numerically.
package struct Version: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let components: [Int]
    /// The text as written; keeps leading zeros such as `570.124.06`.
    package let text: String

    /// One to four dot-separated parts of one to six ASCII digits each. Scanned by bytes (splitting into
    /// Substrings cost 2,400 instructions a version): only digits and dots pass, so a byte is a character.
    package init?(_ text: String) {
        var components: [Int] = []
        components.reserveCapacity(4)
        var value = 0, digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, components.count < 3 else { return nil }
                components.append(value)
                value = 0
                digits = 0
            } else {
                guard byte &- UInt8(ascii: "0") < 10, digits < 6 else { return nil }
                value = value * 10 + Int(byte &- UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        components.append(value)
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
