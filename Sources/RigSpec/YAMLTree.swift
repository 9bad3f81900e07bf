import Foundation
import Yams

/// A YAML node that remembers the file, line and column it came from, so values merged from
/// an included fragment still point at the fragment.
public struct YAMLTree: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
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
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// Equality of content only; locations are ignored (used to drop duplicate list items).
    public static func == (lhs: YAMLTree, rhs: YAMLTree) -> Bool { lhs.value == rhs.value }

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A scalar's text and what it resolves to, quoting left out: `"git"` and `git` are one item.
    var scalarIdentity: String? {
        guard let text = scalar, let kind = resolvedKind else { return nil }
        return "\(kind):\(text)"
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

/// Reads YAML text into a `YAMLTree`, turning every libyaml complaint into a diagnostic.
public enum YAMLReader {
    public static func read(_ text: String, file: String) -> Result<YAMLTree?, Diagnostic> {
        do {
            // The basic resolver (no regex rules): scalar kinds are resolved by `ScalarKind`, much faster.
            let parser = try Parser(yaml: text, resolver: .basic)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            return convert(root, file: file)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file))
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)"))
        }
    }

    private static func convert(_ node: Node, file: String) -> Result<YAMLTree?, Diagnostic> {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .success(YAMLTree(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), at: location))
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence {
                switch convert(item, file: file) {
                case .success(let tree): if let tree { items.append(tree) }
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(YAMLTree(.sequence(items), at: location))
        case .mapping(let mapping):
            var pairs: [(key: YAMLTree, value: YAMLTree)] = []
            for (key, value) in mapping {
                guard case .success(let k?) = convert(key, file: file) else {
                    return .failure(Diagnostic(at: location, "mapping keys must be plain strings"))
                }
                switch convert(value, file: file) {
                case .success(let v?): pairs.append((k, v))
                case .success(nil): continue
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(YAMLTree(.mapping(pairs), at: location))
        case .alias:
            return .failure(Diagnostic(at: location, "YAML aliases are not supported in specs; use include: for shared parts"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text.trimmingCharacters(in: .whitespacesAndNewlines)))" } ?? ""
            return Diagnostic(at: at(mark), "YAML syntax: \(problem)\(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(at: at(context.mark), "duplicate key \(keys) in the same mapping")
        case let .reader(problem, _, _, _):
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(problem)")
        default:
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
    }
}
