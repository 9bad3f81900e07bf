import RigSpec
import RigSystem
/// A parsed JSON-with-comments text (VS Code's settings.json dialect: `//` and `/* */` comments,
/// trailing commas) that remembers where every value sits, so edits can leave the rest byte-for-byte.
struct JSONCDocument {
    /// A value and the byte range it spans in the text.
    indirect enum Value {
        case object(Object)
        case other(start: Int, end: Int)

        var start: Int {
            switch self {
            case .object(let object): return object.open
            case .other(let start, _): return start
            }
        }

        var end: Int {
            switch self {
            case .object(let object): return object.close + 1
            case .other(_, let end): return end
            }
        }
    }

    /// An object: the offsets of its braces and its members in text order.
    struct Object {
        var open: Int
        var close: Int
        var members: [Member]

        /// The member VS Code uses for `key`: the last one when a key is repeated.
        func member(_ key: String) -> Member? { members.last { $0.key == key } }
    }

    struct Member {
        var key: String
        var keyStart: Int
        var value: Value
    }

    let bytes: [UInt8]
    /// The top-level value; nil when the text holds only whitespace and comments.
    let root: Value?

    init(_ text: String) throws(JSONCError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Bytes in any encoding that keeps ASCII as ASCII: only the JSON punctuation is read, the rest is kept.
    init(bytes: [UInt8]) throws(JSONCError) {
        var parser = JSONCParser(bytes: bytes)
        self.bytes = parser.bytes
        root = try parser.parseDocument()
    }

    /// Offset just past the trivia (whitespace, comments) that starts at `offset`.
    func skipTrivia(from offset: Int) -> Int {
        var parser = JSONCParser(bytes: bytes)
        parser.position = offset
        try? parser.skipTrivia()
        return parser.position
    }

    /// The whitespace that starts the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `a` and `b` lie on the same line.
    func sameLine(_ a: Int, _ b: Int) -> Bool {
        !bytes[min(a, b)..<max(a, b)].contains(UInt8(ascii: "\n"))
    }
}

/// Why a settings file could not be read as JSON with comments, at line:column.
package struct JSONCError: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var message: String

    package var description: String { "\(line):\(column): \(message)" }
}

/// A recursive-descent reader for JSONCDocument.
struct JSONCParser {
    let bytes: [UInt8]
    var position = 0
    /// Objects and arrays open around the current position.
    var depth = 0
    /// The deepest nesting read; deeper is an error, not a stack overflow (VS Code's own files nest a few levels).
    static let maxDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONCError) -> JSONCDocument.Value? {
        // A UTF-8 byte order mark (some editors write one) is kept, and skipped here.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        try skipTrivia()
        guard position < bytes.count else { return nil }
        let value = try parseValue()
        try skipTrivia()
        guard position == bytes.count else { throw error("unexpected text after the top-level value") }
        return value
    }

    mutating func skipTrivia() throws(JSONCError) {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let start = position
                position += 2
                while position < bytes.count, !(bytes[position] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                    position += 1
                }
                guard position < bytes.count else {
                    position = start
                    throw error("unterminated /* comment")
                }
                position += 2
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONCError) -> JSONCDocument.Value {
        guard position < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return .object(try parseObject())
        case UInt8(ascii: "["):
            let start = position
            try parseArray()
            return .other(start: start, end: position)
        case UInt8(ascii: "\""):
            let start = position
            _ = try parseString()
            return .other(start: start, end: position)
        default:
            let start = position
            try parseScalar()
            return .other(start: start, end: position)
        }
    }

    private mutating func enter() throws(JSONCError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONCError) -> JSONCDocument.Object {
        let open = position
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [JSONCDocument.Member] = []
        while true {
            try skipTrivia()
            guard position < bytes.count else { throw error("expected '}' to close the object opened at \(place(open))") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return JSONCDocument.Object(open: open, close: position - 1, members: members)
            }
            guard bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted key or '}'") }
            let keyStart = position
            let key = try parseString()
            try skipTrivia()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            position += 1
            try skipTrivia()
            let value = try parseValue()
            members.append(JSONCDocument.Member(key: key, keyStart: keyStart, value: value))
            try skipTrivia()
            guard position < bytes.count else { throw error("expected '}' to close the object opened at \(place(open))") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] != UInt8(ascii: "}") {
                throw error("expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    private mutating func parseArray() throws(JSONCError) {
        let open = position
        try enter()
        defer { depth -= 1 }
        position += 1
        while true {
            try skipTrivia()
            guard position < bytes.count else { throw error("expected ']' to close the array opened at \(place(open))") }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return
            }
            _ = try parseValue()
            try skipTrivia()
            guard position < bytes.count else { throw error("expected ']' to close the array opened at \(place(open))") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] != UInt8(ascii: "]") {
                throw error("expected ',' or ']' in the array")
            }
        }
    }

    /// Reads a string literal and returns its decoded value.
    private mutating func parseString() throws(JSONCError) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                flush()
                return String(scalars)
            case UInt8(ascii: "\n"):
                throw error("string starting at \(place(start)) is not closed on its line")
            case UInt8(ascii: "\\"):
                flush()
                guard let escaped = peek(1) else {
                    position = start
                    throw error("string is not closed")
                }
                position += 2
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{c}")
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                        throw error("expected four hex digits after \\u")
                    }
                    position += 4
                    scalars.append(Unicode.Scalar(code) ?? "\u{fffd}")
                default: scalars.append(Unicode.Scalar(escaped))
                }
            default:
                raw.append(byte)
                position += 1
            }
        }
        position = start
        throw error("string is not closed")
    }

    /// Numbers, true, false, null.
    private mutating func parseScalar() throws(JSONCError) {
        let start = position
        while position < bytes.count, isScalarByte(bytes[position]) { position += 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        let isNumber = word.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
        guard isNumber || ["true", "false", "null"].contains(word) else {
            position = start
            throw error(word.isEmpty ? "unexpected character '\(String(decoding: [bytes[start]], as: UTF8.self))'"
                                     : "unexpected '\(word)'; expected a value")
        }
    }

    private func isScalarByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private func lineAndColumn(_ offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func place(_ offset: Int) -> String {
        let (line, column) = lineAndColumn(offset)
        return "\(line):\(column)"
    }

    private func error(_ message: String) -> JSONCError {
        let (line, column) = lineAndColumn(position)
        return JSONCError(line: line, column: column, message: message)
    }
}
