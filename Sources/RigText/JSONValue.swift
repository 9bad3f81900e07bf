/// A JSON document as a value: what rigctl reads from tools (`lsblk -J`, `lscpu -J`, `rocm-smi
/// --json`, CUDA's `version.json`) and writes as the spec's JSON Schema, without Foundation.
/// Numbers keep the text they were written with, so a byte count past `Double` stays exact.
/// Not `indirect`: arrays and objects hold their values in arrays already, and boxing every scalar
/// would be a heap allocation for each (`audit` reads a facts file per machine).
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order written; a repeated key keeps its last value on lookup.
    case object([(key: String, value: JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    package var string: String? { if case .string(let text) = self { return text }; return nil }
    package var array: [JSONValue]? { if case .array(let items) = self { return items }; return nil }
    package var members: [(key: String, value: JSONValue)]? { if case .object(let members) = self { return members }; return nil }
    package var isNull: Bool { if case .null = self { return true }; return false }

    /// A number that is a whole count from 0 to `UInt64.max` (`5`, `5.0`, `5e3`); nil for -5, 1.5, 1e30.
    package var uint64: UInt64? {
        guard case .number(let text) = self else { return nil }
        return UInt64(text) ?? Double(text).flatMap { UInt64(exactly: $0) }
    }

    package var double: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The number's text as written, or nil for anything else.
    package var numberText: String? { if case .number(let text) = self { return text }; return nil }
}

// MARK: - Reading

extension JSONValue {
    /// Why a text is not JSON, with the byte offset where reading stopped.
    package struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        package var offset: Int
        package var reason: String
        package var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses one JSON document (RFC 8259). Nesting is bounded by `maxDepth`, so hostile input
    /// ends in an error, not a stack overflow.
    package static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 256) throws(SyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: Array(bytes), maxDepth: maxDepth)
        return try reader.document()
    }

    package static func parse(_ text: String, maxDepth: Int = 256) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// Reads JSON text a token at a time: `JSONValue.parse` builds a tree with it, and a typed reader
/// (`FactsReader`) decodes straight from the bytes with the same syntax rules and errors.
package struct JSONReader {
    package let bytes: [UInt8]
    let maxDepth: Int
    package var offset = 0
    package var depth = 0

    package init(bytes: [UInt8], maxDepth: Int = 256) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func document() throws(JSONValue.SyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is allowed before the text (RFC 8259, section 8.1, lets readers ignore it).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        let value = try self.value()
        skipSpace()
        guard offset == bytes.count else { throw fail("unexpected text after the document") }
        return value
    }

    package func fail(_ reason: String) -> JSONValue.SyntaxError { JSONValue.SyntaxError(offset: offset, reason: reason) }

    @inlinable package mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09 { offset += 1 }
    }

    package mutating func value() throws(JSONValue.SyntaxError) -> JSONValue {
        skipSpace()
        guard offset < bytes.count else { throw fail("unexpected end of the text") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character")
        }
    }

    package mutating func literal(_ word: StaticString) throws(JSONValue.SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw fail("unexpected end of the text") }
        let matches = word.withUTF8Buffer { expected in (0..<count).allSatisfy { bytes[offset + $0] == expected[$0] } }
        guard matches else { throw fail("unexpected character") }
        offset += count
    }

    package mutating func enter() throws(JSONValue.SyntaxError) {
        depth += 1
        guard depth <= maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
        offset += 1
    }

    private mutating func object() throws(JSONValue.SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let key = try string()
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            offset += 1
            members.append((key, try value()))
            skipSpace()
            guard offset < bytes.count else { throw fail("unexpected end of the text") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            guard bytes[offset] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
            offset += 1
            return .object(members)
        }
    }

    private mutating func array() throws(JSONValue.SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            items.append(try value())
            skipSpace()
            guard offset < bytes.count else { throw fail("unexpected end of the text") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            guard bytes[offset] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
            offset += 1
            return .array(items)
        }
    }

    /// RFC 8259 section 6: `-? int frac? exp?`, no leading zeros, no `+`, no bare `.`.
    package mutating func number() throws(JSONValue.SyntaxError) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("a number needs digits") }
        if bytes[offset] == UInt8(ascii: "0") { offset += 1 } else { skipDigits() }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("a number needs digits after '.'") }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("a number needs digits in its exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    package mutating func string() throws(JSONValue.SyntaxError) -> String {
        offset += 1   // the opening quote
        // Most strings have no escape: up to the closing quote, validated at once.
        var end = offset
        var high: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            guard bytes[end] == UInt8(ascii: "\"") else { high |= bytes[end]; end += 1; continue }
            // ASCII is UTF-8 as it is: only a string with a byte past 0x7F is validated (the generic
            // validating initializer also looked up type metadata on every call).
            let slice = bytes[offset..<end]
            guard let text = high < 0x80 ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self) else {
                offset = end
                throw fail("not UTF-8 text in a string")
            }
            offset = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var plainStart = offset
        func flushPlain(_ end: Int) throws(JSONValue.SyntaxError) {
            guard end > plainStart else { return }
            guard let text = String(validating: bytes[plainStart..<end], as: UTF8.self) else { throw fail("not UTF-8 text in a string") }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                try flushPlain(offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flushPlain(offset)
                offset += 1
                scalars.append(try escape())
                plainStart = offset
            case 0..<0x20:
                throw fail("a control character inside a string")
            default:
                offset += 1
            }
        }
        throw fail("a string is not closed")
    }

    private mutating func escape() throws(JSONValue.SyntaxError) -> Unicode.Scalar {
        guard offset < bytes.count else { throw fail("unexpected end of the text") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                // A high surrogate must be followed by an escaped low one (RFC 8259, section 7).
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw fail("a lone surrogate in a \\u escape")
                }
                offset += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw fail("a lone surrogate in a \\u escape") }
            return scalar
        default:
            throw fail("an unknown escape in a string")
        }
    }

    private mutating func hex4() throws(JSONValue.SyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("unexpected end of the text") }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("expected four hex digits after \\u")
            }
            unit = unit << 4 | UInt32(digit)
            offset += 1
        }
        return unit
    }
}

// MARK: - Writing

extension JSONValue {
    /// Pretty text with keys sorted, two-space indents and `"key" : value`, the layout of
    /// Foundation's `JSONSerialization` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`
    /// (so `machines/schema.json` keeps every byte). Empty containers are `{}` and `[]`.
    package func prettyText() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): JSONTextEncoder.quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, item) in items.enumerated() {
                out += repeatElement(UInt8(ascii: " "), count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            out += repeatElement(UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out += "{\n".utf8
            let sorted = members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                out += repeatElement(UInt8(ascii: " "), count: indent + 2)
                JSONTextEncoder.quote(member.key, into: &out)
                out += " : ".utf8
                member.value.write(to: &out, indent: indent + 2)
                out += (index == sorted.count - 1 ? "\n" : ",\n").utf8
            }
            out += repeatElement(UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
}
