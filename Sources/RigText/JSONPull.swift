/// Typed reading with `JSONReader`, for a decoder that reads known types straight from the bytes
/// (`FactsReader`): no `JSONValue` tree, keys compared as bytes. Anything such a decoder does not
/// take as it stands throws `JSONPull.Unsupported` (or the syntax error), and its caller falls back
/// to a decoder that reports the error properly.
package enum JSONPull {
    package struct Unsupported: Error, Sendable { package init() {} }
}

extension JSONReader {
    /// The next byte after white space, without taking it; nil at the end of the text.
    @inlinable package mutating func peek() -> UInt8? {
        skipSpace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Takes a `null` when one comes next.
    @inlinable package mutating func takeNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    @inlinable package mutating func readString() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw JSONPull.Unsupported() }
        return try string()
    }

    @inlinable package mutating func readBool() throws -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw JSONPull.Unsupported()
        }
    }

    /// A number's text as written.
    @inlinable package mutating func readNumber() throws -> String {
        guard let byte = peek(), byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10 else { throw JSONPull.Unsupported() }
        return try number()
    }

    /// The members of an object, each key as the range of its bytes (between the quotes). A key with
    /// an escape or a byte past ASCII is unsupported: compared as bytes it could differ from the
    /// same key compared as a `String`.
    @inlinable package mutating func readObject(_ member: (inout JSONReader, Range<Int>) throws -> Void) throws {
        guard peek() == UInt8(ascii: "{") else { throw JSONPull.Unsupported() }
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "}") { offset += 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let start = offset + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                guard bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\") else { throw JSONPull.Unsupported() }
                end += 1
            }
            guard end < bytes.count else { offset = end; throw fail("a string is not closed") }
            offset = end + 1
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            offset += 1
            try member(&self, start..<end)
            guard let next = peek() else { throw fail("unexpected end of the text") }
            if next == UInt8(ascii: ",") { offset += 1; continue }
            guard next == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
            offset += 1
            return
        }
    }

    @inlinable package mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
        guard peek() == UInt8(ascii: "[") else { throw JSONPull.Unsupported() }
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "]") { offset += 1; return }
        while true {
            try element(&self)
            guard let next = peek() else { throw fail("unexpected end of the text") }
            if next == UInt8(ascii: ",") { offset += 1; continue }
            guard next == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
            offset += 1
            return
        }
    }

    /// Whether the bytes in `range` are `name`.
    @inlinable package func bytes(_ range: Range<Int>, are name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            var index = range.lowerBound
            for byte in expected {
                guard bytes[index] == byte else { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether the bytes in two ranges are the same.
    @inlinable package func bytes(_ range: Range<Int>, equal other: Range<Int>) -> Bool {
        range.count == other.count && bytes[range].elementsEqual(bytes[other])
    }

    /// After the document only white space.
    @inlinable package mutating func finish() throws {
        skipSpace()
        guard offset == bytes.count else { throw fail("unexpected text after the document") }
    }
}
