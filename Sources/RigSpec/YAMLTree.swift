/// A YAML node that remembers the file, line and column it came from, so values merged from
/// an included fragment still point at the fragment.
public struct YAMLTree: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// A scalar with its text and whether it was written plain (unquoted).
        case scalar(String, plain: Bool)
        case mapping([(key: YAMLTree, value: YAMLTree)])
        case sequence([YAMLTree])

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case let (.scalar(a, pa), .scalar(b, pb)): return a == b && pa == pb
            case let (.sequence(a), .sequence(b)): return a == b
            case let (.mapping(a), .mapping(b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }

        public func hash(into hasher: inout Hasher) {
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

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// Equality of content only; locations are ignored (used to drop duplicate list items).
    public static func == (lhs: YAMLTree, rhs: YAMLTree) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// What YAML 1.2 (core schema) makes of a plain scalar; quoted scalars are always strings.
    public var resolvedKind: ScalarKind? {
        guard case .scalar(let text, let plain) = value else { return nil }
        return plain ? ScalarKind.resolve(text) : .string
    }

    public var kindName: String {
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

public enum ScalarKind: Sendable, Equatable {
    case null, bool, int, float, string

    static func resolve(_ text: String) -> ScalarKind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        default: break
        }
        if isInteger(text) { return .int }
        if isFloat(text) { return .float }
        return .string
    }

    private static func isInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        if body.hasPrefix("0x") { return body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit) }
        if body.hasPrefix("0o") { return body.count > 2 && body.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isFloat(_ text: String) -> Bool {
        if [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"].contains(text) { return true }
        var sawDigit = false, sawDot = false, sawExponent = false
        var previous: Character = " "
        for (i, c) in text.enumerated() {
            switch c {
            case "0"..."9": sawDigit = true
            case "." where !sawDot && !sawExponent: sawDot = true
            case "e" where sawDigit && !sawExponent, "E" where sawDigit && !sawExponent: sawExponent = true
            case "+" where i == 0 || previous == "e" || previous == "E", "-" where i == 0 || previous == "e" || previous == "E": break
            default: return false
            }
            previous = c
        }
        return sawDigit
    }
}
