/// Which characters `trimmed(_:)` removes from both ends; the same sets as Foundation's
/// `CharacterSet.whitespaces` (general category Zs and tab), `.newlines` (U+000A–U+000D, U+0085,
/// U+2028, U+2029) and their union, so code reads the same without importing Foundation.
package enum TrimmedCharacters: Sendable {
    case whitespaces, newlines, whitespacesAndNewlines

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .whitespaces: return Self.isSpace(scalar)
        case .newlines: return Self.isNewline(scalar)
        case .whitespacesAndNewlines: return Self.isSpace(scalar) || Self.isNewline(scalar)
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without `characters` at either end.
    package func trimmed(_ characters: TrimmedCharacters) -> String {
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !characters.contains($0) }),
              let last = scalars.lastIndex(where: { !characters.contains($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

extension StringProtocol {
    /// Cut or filled with spaces to `width` characters, like `padding(toLength:withPad: " ",
    /// startingAt: 0)` of Foundation (which counts UTF-16 units; this counts characters).
    package func padded(to width: Int) -> String {
        let count = self.count
        if count >= width { return String(prefix(Swift.max(0, width))) }
        return String(self) + String(repeating: " ", count: width - count)
    }
}
