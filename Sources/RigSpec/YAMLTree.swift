/// A YAML node that remembers the file, line and column it came from, so values merged from
/// an included fragment still point at the fragment.
package struct YAMLTree: Sendable, Hashable {
    package enum Value: Sendable, Hashable {
        /// A scalar with its text and whether it was written plain (unquoted).
        case scalar(String, plain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLTree])

        package static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case let (.scalar(a, pa), .scalar(b, pb)): return a == b && pa == pb
            case let (.sequence(a), .sequence(b)): return a == b
            case let (.mapping(a), .mapping(b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }

        package func hash(into hasher: inout Hasher) {
            switch self {
            case let .scalar(text, plain): hasher.combine(0); hasher.combine(text); hasher.combine(plain)
            case let .sequence(items): hasher.combine(1); hasher.combine(items)
            case let .mapping(pairs):
                hasher.combine(2)
                hasher.combine(pairs.count)
                for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
            }
        }
    }

    package var value: Value
    package var location: SourceLocation
    /// The tag as a number: nodes are copied often, and an optional `String` made each copy retain it.
    private var tagID: InternedNames.ID?

    package init(_ value: Value, at location: SourceLocation, tag: String? = nil) {
        self.value = value
        self.location = location
        self.tagID = tag.map(InternedNames.tags.id(of:))
    }

    /// A local tag the reader was told to accept (`!unsafe` in playbooks); not part of equality.
    package var tag: String? {
        get { tagID.map(InternedNames.tags.name(of:)) }
        set { tagID = newValue.map(InternedNames.tags.id(of:)) }
    }

    /// Equality of content only; locations are ignored (used to drop duplicate list items).
    package static func == (lhs: YAMLTree, rhs: YAMLTree) -> Bool { lhs.value == rhs.value }
    package func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// The scalar text, if this is a scalar.
    package var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A scalar's text and what it resolves to, quoting left out: `"git"` and `git` are one item.
    var scalarIdentity: ScalarIdentity? {
        guard case .scalar(let text, let plain) = value else { return nil }
        return ScalarIdentity(kind: plain ? ScalarKind.resolve(text) : .string, text: text)
    }

    /// What YAML 1.2 (core schema) makes of a plain scalar; quoted scalars are always strings.
    package var resolvedKind: ScalarKind? {
        guard case .scalar(let text, let plain) = value else { return nil }
        return plain ? ScalarKind.resolve(text) : .string
    }

    package var kindName: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch resolvedKind {
            case .null: return "nothing (null)"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            default: return "a string"
            }
        }
    }
}

/// One entry of a mapping. A struct, not a `(key:value:)` tuple: copying and destroying arrays of tuples went
/// through the runtime's generic tuple witnesses, several percent of `validate`.
package struct YAMLPair: Sendable {
    package var key: YAMLTree
    package var value: YAMLTree

    package init(key: YAMLTree, value: YAMLTree) {
        self.key = key
        self.value = value
    }
}

/// A scalar as a list item is the same item: its text and what it resolves to.
struct ScalarIdentity: Hashable {
    var kind: ScalarKind
    var text: String
}

package enum ScalarKind: Sendable, Hashable {
    case null, bool, int, float, string

    static func resolve(_ text: String) -> ScalarKind {
        // Most scalars are words: only these first bytes can start a null, a boolean or a number.
        guard let first = text.utf8.first else { return .null }
        if !startsNonString(first) { return .string }
        // Numbers (digits, signs, dots) skip the eleven word comparisons, each a slow string compare.
        if first &- UInt8(ascii: "0") >= 10, first != UInt8(ascii: "+"), first != UInt8(ascii: "-"), first != UInt8(ascii: ".") {
            switch text {
            case "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
            default: break
            }
        }
        if isInteger(text) { return .int }
        if isFloat(text) { return .float }
        return .string
    }

    /// Whether a scalar starting with `byte` may resolve to something other than a string: `~`,
    /// n/N(ull), t/T(rue), f/F(alse), a digit, a sign or a dot (numbers, `.inf`, `.nan`).
    private static func startsNonString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return false
        }
    }

    // YAML 1.2.2 core schema (section 10.3.2), over bytes: ASCII digits only.
    private static func isInteger(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isInteger)
    }

    /// The same test over the text's bytes in place (a Substring's UTF-8 view cost more than the test).
    private static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { start = 1 }
        let count = bytes.count - start
        let isDigit = { (b: UInt8) in b &- 0x30 < 10 }
        let prefix = count > 2 && bytes[start] == UInt8(ascii: "0") ? bytes[start + 1] : 0
        let rest = UnsafeBufferPointer(rebasing: bytes[min(start + 2, bytes.count)...])
        if prefix == UInt8(ascii: "x") { return rest.allSatisfy { isDigit($0) || ($0 | 0x20) &- 0x61 < 6 } }
        if prefix == UInt8(ascii: "o") { return rest.allSatisfy { $0 &- 0x30 < 8 } }
        return count > 0 && UnsafeBufferPointer(rebasing: bytes[start...]).allSatisfy(isDigit)
    }

    private static let specialFloats: Set<String> = [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"]

    private static func isFloat(_ text: String) -> Bool {
        // Each special float starts with '.', '+' or '-', and no other character is canonically equal to those.
        if text.utf8.count <= 5, let first = text.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-"),
           specialFloats.contains(text) { return true }
        var sawDigit = false, sawDot = false, sawExponent = false
        var previous: UInt8 = 0x20
        for (i, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: ".") where !sawDot && !sawExponent: sawDot = true
            case UInt8(ascii: "e") where sawDigit && !sawExponent, UInt8(ascii: "E") where sawDigit && !sawExponent: sawExponent = true
            case UInt8(ascii: "+") where i == 0 || previous | 0x20 == UInt8(ascii: "e"),
                 UInt8(ascii: "-") where i == 0 || previous | 0x20 == UInt8(ascii: "e"): break
            default: return false
            }
            previous = c
        }
        return sawDigit
    }
}
