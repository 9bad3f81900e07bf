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
        documentBytes(header: header) { $0.write(node, indent: 0, dashed: false) }
    }

    /// A document whose body `write` writes (after `header` and `---`), as UTF-8 bytes.
    static func documentBytes(header: [String], _ write: (inout Writer) -> Void) -> [UInt8] {
        withDocumentBytes(header: header, write) { Array($0) }
    }

    /// The same bytes, lent to `body` (`audit` compares them with a file's, and needs no copy).
    static func withDocumentBytes<R>(header: [String], _ write: (inout Writer) -> Void, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Built as bytes in one buffer: a playbook carries whole theme files, and `audit` writes every playbook to compare it.
        var writer = Writer(out: YAMLByteBuffer(capacity: 1 << 16))   // a themed machine's playbook is about 58 KB
        for line in header {
            writer.out.append("# ")
            writer.out.append(utf8: line)
            writer.out.append(0x0A)
        }
        writer.out.append("---\n")
        write(&writer)
        return writer.out.withBytes(body)
    }

    /// A double-quoted YAML scalar: escapes backslash, quote, and every control or line-break character.
    package static func quote(_ text: String) -> String {
        var text = text
        var out = YAMLByteBuffer(capacity: text.utf8.count + 2)
        text.withUTF8 { out.appendQuoted($0) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Whether `quote` must escape something in `text`: a backslash, a quote, a control character,
    /// or one of the non-ASCII scalars it escapes (U+0080…U+009F, U+2028, U+2029, U+FEFF).
    static func needsEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { YAMLScalarScan.firstEscaped($0, from: 0) < $0.count }
    }

    /// Whether `text` survives a clipped literal block (`|`) byte for byte.
    static func fitsLiteralBlock(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(YAMLScalarScan.fitsLiteralBlock)
    }

    /// The lines of `text` (without its final newline), each indented by `pad`; empty lines stay empty.
    static func indentedLines(_ text: String, pad: String) -> String {
        var text = text
        var out = YAMLByteBuffer(capacity: text.utf8.count * 2)
        text.withUTF8 { out.appendIndentedLines($0, pad: pad.utf8.count) }
        return String(decoding: out.bytes, as: UTF8.self)
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

    /// One document being written.
    struct Writer: ~Copyable {
        var out: YAMLByteBuffer
        /// The comments of `.commented` nodes whose first line is being written, outermost first: each goes
        /// at the end of that line, the innermost first.
        var comments: [String] = []

        /// The end of a line of the document's structure (after a key, an item, `|` or `>-`).
        mutating func endLine() {
            if !comments.isEmpty {
                for comment in comments.reversed() {
                    out.append("  # ")
                    out.append(utf8: comment)
                }
                comments.removeAll()
            }
            out.append(0x0A)
        }

        /// `dashed`: the first line's indentation is already written (as the `- ` of the list item that holds `node`).
        mutating func write(_ node: YAMLNode, indent: Int, dashed: Bool) {
            switch node {
            case .commented(let inner, let comment):
                comments.append(comment)
                write(inner, indent: indent, dashed: dashed)
            case .map(let entries) where !entries.isEmpty:
                for index in entries.indices {
                    if !dashed || index > 0 { out.appendSpaces(indent) }
                    let (name, value) = entries[index]
                    writeEntry(name, value, indent: indent)
                }
            case .list(let items) where !items.isEmpty:
                for index in items.indices {
                    if !dashed || index > 0 { out.appendSpaces(indent) }
                    writeItem(items[index], indent: indent)
                }
            default:
                if !dashed { out.appendSpaces(indent) }
                appendInline(node, indent: indent)
                endLine()
            }
        }

        /// `name: value` of a map whose entries are at `indent`, after the line's indentation.
        mutating func writeEntry(_ name: String, _ value: YAMLNode, indent: Int) {
            appendKey(name)
            if isInline(value) {
                out.append(": ")
                appendInline(value, indent: indent)
                endLine()
            } else {
                out.append(0x3A)
                endLine()
                write(value, indent: indent + 2, dashed: false)
            }
        }

        /// `- item` of a list whose dashes are at `indent`, after the line's indentation.
        mutating func writeItem(_ item: YAMLNode, indent: Int) {
            out.append("- ")
            if isInline(item) {
                appendInline(item, indent: indent)
                endLine()
            } else {
                // A collection item: written two deeper, its first line after the dash.
                write(item, indent: indent + 2, dashed: true)
            }
        }

        /// Text after `key: ` or `- ` for a scalar or an empty collection (`isInline`); no final newline.
        private mutating func appendInline(_ node: YAMLNode, indent: Int) {
            switch node {
            case .string(let text): appendString(text, indent: indent)
            case .unsafeString(let text):
                out.append("!unsafe ")
                appendString(text, indent: indent)
            case .expression(let parts):
                out.append(">-")
                endLine()
                for (position, part) in parts.enumerated() {
                    if position > 0 { out.append(0x0A) }
                    out.appendSpaces(indent + 2)
                    out.append(utf8: part)
                }
            case .bool(let value): if value { out.append("true") } else { out.append("false") }
            case .int(let value): out.append(decimal: value)
            case .word(let word): out.append(utf8: word)
            case .list: out.append("[]")
            case .map: out.append("{}")
            case .commented: break
            }
        }

        /// A literal block when the text reads back as it is (it then ends with a newline), else quoted.
        mutating func appendString(_ text: String, indent: Int) {
            var text = text
            text.withUTF8 { bytes in
                guard YAMLScalarScan.startsLiteralBlock(bytes) else { out.appendQuoted(bytes); return }
                // Each line checked (`YAMLScalarScan.fitsLiteralBlock`) and copied in one pass; at the first that
                // cannot stand in the block, what was written goes and the text is quoted instead.
                let mark = out.count, pending = comments
                out.append(0x7C)
                endLine()
                let pad = indent + 2
                out.reserve(bytes.count + pad * 64)
                var start = 0
                while start < bytes.count {
                    guard let end = YAMLScalarScan.literalLineEnd(bytes, from: start) else {
                        out.count = mark
                        comments = pending
                        out.appendQuoted(bytes)
                        return
                    }
                    // Empty lines stay empty; the final newline is the block's own.
                    if end > start { out.appendSpaces(pad) }
                    out.append(bytes, start..<end)
                    start = end + 1
                    if start < bytes.count { out.append(0x0A) }
                }
            }
        }

        /// Plain when ASCII letters, digits, `_` and `.`, starting with a letter or `_`; else quoted.
        mutating func appendKey(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
                guard let first = bytes.first, letter(first) || first == 0x5F,
                      bytes.allSatisfy({ letter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E }) else {
                    out.appendQuoted(bytes)
                    return
                }
                out.append(bytes)
            }
        }
    }
}

extension YAMLByteBuffer {
    /// `bytes` as a double-quoted scalar (`YAMLWriter.quote`): runs that need no escape copied whole.
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count + 2)
        append(0x22)
        appendEscaped(bytes)
        append(0x22)
    }

    /// What `appendQuoted` writes between the quotes. Escapes never span two valid UTF-8 strings, so the
    /// quoted scalar of strings one after another is their escaped bytes one after another.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            let index = YAMLScalarScan.firstEscaped(bytes, from: start)
            append(bytes, start..<index)
            guard index < bytes.count, let (escape, length) = YAMLScalarScan.escape(bytes, at: index) else { break }
            switch escape {
            case .text(let text): append(text)
            case .code(let value):
                append("\\u")
                let digits: StaticString = "0123456789abcdef"
                for shift in stride(from: 12, through: 0, by: -4) {
                    append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
                }
            }
            start = index + length
        }
    }

    /// The lines of `bytes` (without its final byte, a newline), each but the empty ones after `pad` spaces.
    mutating func appendIndentedLines(_ bytes: UnsafeBufferPointer<UInt8>, pad: Int) {
        guard !bytes.isEmpty else { return }
        let end = bytes.count - 1
        reserve(end + pad * 64)
        var start = 0
        while start < end {
            let lineEnd = YAMLScalarScan.newline(bytes, from: start, before: end)
            if lineEnd > start { appendSpaces(pad) }
            append(bytes, start..<lineEnd)
            guard lineEnd < end else { break }
            append(0x0A)
            start = lineEnd + 1
        }
    }
}
