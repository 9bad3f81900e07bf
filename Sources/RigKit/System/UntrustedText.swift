/// Text from outside (tool output, recordings, file contents) made safe to print or embed:
/// control characters become visible escapes, so a carriage return cannot end a comment, an
/// escape sequence cannot drive the terminal, and a 100 MB line cannot become a 100 MB message.
package enum UntrustedText {
    /// `\r`, `\u{1b}` and the other C0/C1 controls (and DEL, U+2028/2029, BOM) as `\r`, `\x1b`, `\u{2028}`;
    /// at most `limit` characters, then `…`.
    package static func escaped(_ text: some StringProtocol, limit: Int = 200) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { result += "…"; break }
            count += 1
            result += escape(scalar)
        }
        return result
    }

    /// One scalar as it may be printed.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        case 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default: return String(scalar)
        }
    }

    /// Whether `scalar` would be escaped (the cases of `escape`, without building its text).
    package static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
