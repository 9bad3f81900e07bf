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
        String(decoding: documentBytes(node, header: header), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes.
    package static func documentBytes(_ node: YAMLNode, header: [String] = []) -> [UInt8] {
        // Built as bytes: a playbook carries whole theme files, and `audit` writes every playbook to compare it.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)   // a themed machine's playbook is about 58 KB
        for line in header {
            out += "# ".utf8
            out += line.utf8
            out.append(0x0A)
        }
        out += "---\n".utf8
        write(node, indent: 0, dashed: false, into: &out)
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

    /// `quote(text)`, appended as bytes.
    private static func appendQuoted(_ text: String, into out: inout [UInt8]) {
        guard !needsEscape(text) else { out += quote(text).utf8; return }
        out.append(0x22)
        out += text.utf8
        out.append(0x22)
    }

    /// Whether `quote` must escape something in `text`: a backslash, a quote, a control character,
    /// or one of the non-ASCII scalars it escapes (U+0080…U+009F, U+2028, U+2029, U+FEFF).
    static func needsEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C { continue }   // the common case
                if isEscaped(bytes, at: index) || byte == 0x22 || byte == 0x5C { return true }
            }
            return false
        }
    }

    /// Whether the byte at `index` is a control character, or ends one of the non-ASCII scalars
    /// `quote` escapes (U+0080…U+009F: C2 80…9F; U+2028, U+2029: E2 80 A8/A9; U+FEFF: EF BB BF).
    /// The bytes before it are read as they are; a valid UTF-8 text never misreads them.
    private static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case ..<0x20, 0x7F: return true
        case 0x80...0x9F: return index >= 1 && bytes[index - 1] == 0xC2
        case 0xA8...0xA9: return index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2
        case 0xBF: return index >= 2 && bytes[index - 1] == 0xBB && bytes[index - 2] == 0xEF
        default: return false
        }
    }

    /// Whether `text` survives a clipped literal block (`|`) byte for byte. One pass over the bytes:
    /// theme files make these strings long, and `audit` writes every playbook to compare it.
    static func fitsLiteralBlock(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(fitsLiteralBlock)
    }

    private static func fitsLiteralBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One final newline (a clipped block keeps one), not an empty last line, no leading space or line break.
        guard bytes.count >= 2, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] != 0x0A,
              bytes[0] != 0x20, bytes[0] != 0x0A else { return false }
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F { continue }   // printable ASCII, the common case
            if byte == 0x0A {
                if index >= 1 && bytes[index - 1] == 0x20 { return false }   // a trailing space would be lost
                continue
            }
            if isEscaped(bytes, at: index) { return false }
        }
        return true
    }

    /// The lines of `text` (without its final newline), each indented by `pad`; empty lines stay empty.
    static func indentedLines(_ text: String, pad: String) -> String {
        var out: [UInt8] = []
        appendIndentedLines(text, pad: pad.utf8.count, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendIndentedLines(_ text: String, pad: Int, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count + pad * 64)
        var text = text
        text.withUTF8 { bytes in
            // Whole lines at a time (theme files are long): the pad, then the line with its newline.
            guard !bytes.isEmpty else { return }
            let body = bytes[..<(bytes.count - 1)]   // without the final newline
            var start = body.startIndex
            while start < body.endIndex {
                let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
                if end > start { appendSpaces(pad, into: &out) }
                out.append(contentsOf: body[start..<end])
                guard end < body.endIndex else { break }
                out.append(0x0A)
                start = end + 1
            }
        }
    }

    private static func appendSpaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: count))
    }

    private static func appendKey(_ text: String, into out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            // Plain when ASCII letters, digits, `_` and `.`, starting with a letter or `_`.
            func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
            guard let first = bytes.first, letter(first) || first == 0x5F else { return false }
            for byte in bytes where !(letter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !plain { out += quote(text).utf8 }
    }

    /// Whether `node` is written after `key: ` or `- ` on the same line (scalars and empty collections).
    private static func isInline(_ node: YAMLNode) -> Bool {
        switch node {
        case .list(let items): return items.isEmpty
        case .map(let entries): return entries.isEmpty
        case .commented: return false
        default: return true
        }
    }

    /// Text after `key: ` or `- ` for a scalar or an empty collection (`isInline`); no final newline.
    private static func appendInline(_ node: YAMLNode, indent: Int, into out: inout [UInt8]) {
        switch node {
        case .string(let text), .unsafeString(let text):
            if case .unsafeString = node { out += "!unsafe ".utf8 }
            // (A text that fits a literal block ends with a newline.)
            guard fitsLiteralBlock(text) else { appendQuoted(text, into: &out); return }
            out += "|\n".utf8
            appendIndentedLines(text, pad: indent + 2, into: &out)
        case .expression(let parts):
            out += ">-\n".utf8
            for (position, part) in parts.enumerated() {
                if position > 0 { out.append(0x0A) }
                appendSpaces(indent + 2, into: &out)
                out += part.utf8
            }
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .word(let word): out += word.utf8
        case .list: out += "[]".utf8
        case .map: out += "{}".utf8
        case .commented: break
        }
    }

    /// `dashed`: the first line's indentation is already written (as the `- ` of the list item that holds `node`).
    private static func write(_ node: YAMLNode, indent: Int, dashed: Bool, into out: inout [UInt8]) {
        switch node {
        case .commented(let inner, let comment):
            let start = out.count
            write(inner, indent: indent, dashed: dashed, into: &out)
            let firstBreak = out[start...].firstIndex(of: 0x0A) ?? out.endIndex
            out.insert(contentsOf: Array(("  # " + comment).utf8), at: firstBreak)
        case .map(let entries) where !entries.isEmpty:
            for (position, (name, value)) in entries.enumerated() {
                if !dashed || position > 0 { appendSpaces(indent, into: &out) }
                appendKey(name, into: &out)
                if isInline(value) {
                    out += ": ".utf8
                    appendInline(value, indent: indent, into: &out)
                    out.append(0x0A)
                } else {
                    out += ":\n".utf8
                    write(value, indent: indent + 2, dashed: false, into: &out)
                }
            }
        case .list(let items) where !items.isEmpty:
            for (position, item) in items.enumerated() {
                if !dashed || position > 0 { appendSpaces(indent, into: &out) }
                out += "- ".utf8
                if isInline(item) {
                    appendInline(item, indent: indent, into: &out)
                    out.append(0x0A)
                } else {
                    // A collection item: written two deeper, its first line after the dash.
                    write(item, indent: indent + 2, dashed: true, into: &out)
                }
            }
        default:
            if !dashed { appendSpaces(indent, into: &out) }
            appendInline(node, indent: indent, into: &out)
            out.append(0x0A)
        }
    }
}
