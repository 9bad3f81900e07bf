/// A place in a spec, named the one way findings, plan steps and BIOS confirmations all name it:
/// `drivers.nvidia.version`, `packages.apt[4]`, `bios.settings.xmp`. The empty path is the whole spec.
package struct SpecKeyPath: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
                           ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { rawValue = value }

    package var description: String { rawValue }
    package var isEmpty: Bool { rawValue.isEmpty }

    /// `self.name`.
    package func child(_ name: String) -> SpecKeyPath { SpecKeyPath(rawValue.isEmpty ? name : rawValue + "." + name) }

    /// `self[index]`.
    package func element(_ index: Int) -> SpecKeyPath { SpecKeyPath("\(rawValue)[\(index)]") }

    /// Whether `other` is this place or lies under it (`bios` covers `bios.settings.xmp` and
    /// `packages.apt` covers `packages.apt[4]`, but `bios.set` does not cover `bios.settings`).
    package func covers(_ other: SpecKeyPath) -> Bool {
        guard other.rawValue.hasPrefix(rawValue) else { return false }
        if other.rawValue.count == rawValue.count || rawValue.isEmpty { return true }
        let next = other.rawValue[other.rawValue.index(other.rawValue.startIndex, offsetBy: rawValue.count)]
        return next == "." || next == "["
    }

    /// This path and each place above it: `parts.gpus[0].model`, `parts.gpus[0]`, `parts.gpus`, `parts`.
    package var lineage: [SpecKeyPath] {
        var paths = [self]
        var current = Substring(rawValue)
        while let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) {
            current = current[..<cut]
            paths.append(SpecKeyPath(String(current)))
        }
        return paths
    }

    package static func < (lhs: SpecKeyPath, rhs: SpecKeyPath) -> Bool { lhs.rawValue < rhs.rawValue }

    package init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
