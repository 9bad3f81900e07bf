import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
/// Block-style YAML text, two-space indentation, lists indented under their key (yamllint's default).
package enum YAMLWriter {
    /// The document for `node`, starting with `---`, after `header` comment lines.
    package static func document(_ node: YAMLNode, header: [String] = []) -> String {
        var out = header.map { "# \($0)\n" }.joined() + "---\n"
        write(node, indent: 0, into: &out)
        return out
    }

    /// A double-quoted YAML scalar: escapes backslash, quote, and every control or line-break character.
    package static func quote(_ text: String) -> String {
        // Most strings need no escape: one pass over the bytes finds out (a scalar at a time is slow).
        if !needsEscape(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) || scalar.value == 0xfeff {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `quote` must escape something in `text`: a backslash, a quote, a control character,
    /// or one of the non-ASCII scalars it escapes (U+0080…U+009F, U+2028, U+2029, U+FEFF).
    static func needsEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case ..<0x20, 0x22, 0x5C, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true                          // U+0080…U+009F
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return true  // U+2028, U+2029
            case 0xBF where previous == 0xBB && beforePrevious == 0xEF: return true        // U+FEFF
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether `text` survives a clipped literal block (`|`) byte for byte. One pass over the bytes:
    /// theme files make these strings long, and `audit` writes every playbook to compare it.
    static func fitsLiteralBlock(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        // One final newline (a clipped block keeps one), not an empty last line, no leading space or line break.
        guard bytes.count >= 2, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] != 0x0A,
              bytes[0] != 0x20, bytes[0] != 0x0A else { return false }
        var previous: UInt8 = 0x0A, beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x0A where previous == 0x20: return false    // a trailing space would be lost
            case 0x0A: break
            case ..<0x20, 0x7F: return false
            case 0x80...0x9F where previous == 0xC2: return false                          // U+0080…U+009F
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return false  // U+2028, U+2029
            case 0xBF where previous == 0xBB && beforePrevious == 0xEF: return false        // U+FEFF
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// The lines of `text` (without its final newline), each indented by `pad`; empty lines stay empty.
    static func indentedLines(_ text: String, pad: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + pad.utf8.count * 64)
        var atLineStart = true
        for byte in text.utf8.dropLast() {
            if byte == 0x0A {
                out.append(byte)
                atLineStart = true
                continue
            }
            if atLineStart { out.append(contentsOf: pad.utf8) }
            atLineStart = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func key(_ text: String) -> String {
        // Plain when ASCII letters, digits, `_` and `.`, starting with a letter or `_`.
        let letter = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        let plain = text.utf8.first.map { letter($0) || $0 == 0x5F } == true
            && text.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E }
        return plain ? text : quote(text)
    }

    /// Text after `key:` or `- ` for a scalar; nil for collections.
    private static func inline(_ node: YAMLNode, indent: Int) -> String? {
        let pad = String(repeating: " ", count: indent + 2)
        switch node {
        case .string(let text), .unsafeString(let text):
            let tag = if case .unsafeString = node { "!unsafe " } else { "" }
            guard text.utf8.contains(0x0A), fitsLiteralBlock(text) else { return tag + quote(text) }
            return tag + "|\n" + indentedLines(text, pad: pad)
        case .expression(let parts):
            return ">-\n" + parts.map { pad + $0 }.joined(separator: "\n")
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .word(let word): return word
        case .list(let items) where items.isEmpty: return "[]"
        case .map(let entries) where entries.isEmpty: return "{}"
        case .list, .map, .commented: return nil
        }
    }

    private static func write(_ node: YAMLNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .commented(let inner, let comment):
            var text = ""
            write(inner, indent: indent, into: &text)
            let firstBreak = text.firstIndex(of: "\n") ?? text.endIndex
            out += text[..<firstBreak] + "  # " + comment + text[firstBreak...]
        case .map(let entries) where !entries.isEmpty:
            for (name, value) in entries {
                if let text = inline(value, indent: indent) {
                    out += "\(pad)\(key(name)): \(text)\n"
                } else {
                    out += "\(pad)\(key(name)):\n"
                    write(value, indent: indent + 2, into: &out)
                }
            }
        case .list(let items) where !items.isEmpty:
            for item in items {
                if let text = inline(item, indent: indent) {
                    out += "\(pad)- \(text)\n"
                } else {
                    // A collection item: write it two deeper, then put the dash in place of the first indent.
                    var nested = ""
                    write(item, indent: indent + 2, into: &nested)
                    out += pad + "- " + nested.dropFirst(indent + 2)
                }
            }
        default:
            out += pad + (inline(node, indent: indent) ?? "") + "\n"
        }
    }
}
