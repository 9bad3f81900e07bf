/// The structure of a spec as data: the loader validates against it and `rigctl schema`
/// renders it as JSON Schema, so the two cannot drift apart.
package indirect enum Shape: Sendable {
    /// A mapping with a fixed set of keys; any other key is an error.
    case object([Field])
    /// A mapping whose keys are free but follow a pattern (BIOS settings, colour overrides).
    case map(key: StringPattern, value: Shape)
    /// A list of items; `unique` rejects repeated entries.
    case list(Shape, unique: Bool)
    /// A single item or a list of them (a PSU, or several).
    case oneOrMany(Shape)
    case string(StringPattern)
    case choice([String])
    case integer(ClosedRange<Int>)
    case boolean
    case quantity(Dimension)
    case version
    case color

    /// A short name of what is expected, for "expected …, found …" messages.
    package var expectation: String {
        switch self {
        case .object, .map: return "a mapping"
        case .list: return "a list"
        case .oneOrMany(let item): return "\(item.expectation) or a list of them"
        case .string(let pattern): return pattern.meaning
        case .choice(let options): return "one of " + options.map { "'\($0)'" }.joined(separator: ", ")
        case .integer(let range): return "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .boolean: return "true or false"
        case .quantity(let dimension): return "a \(dimension.rawValue) with a unit, such as \"\(dimension.example)\""
        case .version: return "a version such as \"570\", \"570.124.06\" or \">=570\" (quoted)"
        case .color: return "a colour such as \"#0b2540\" (quoted)"
        }
    }
}

/// One key of an object shape.
package struct Field: Sendable {
    package let key: String
    package let shape: Shape
    package let required: Bool
    package let summary: String

    package init(_ key: String, _ shape: Shape, required: Bool = false, _ summary: String) {
        self.key = key
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}

/// A validated, typed value produced by decoding a `YAMLTree` against a `Shape`. Not `indirect`:
/// the nested values live in arrays already, and a box per scalar cost a heap allocation each.
package enum SpecValue: Sendable, Equatable {
    /// An object's given keys in the order written, each once; objects have a few keys, so a
    /// lookup scans them instead of hashing.
    case object([(key: String, value: SpecValue)])
    case map([(key: String, value: SpecValue)])
    case list([SpecValue])
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case quantity(Quantity)
    case version(VersionConstraint)
    case color(Color)

    package static func == (lhs: SpecValue, rhs: SpecValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            // Like a dictionary: the same keys with equal values, in any order.
            return a.count == b.count && a.allSatisfy { pair in b.contains { $0.key == pair.key && $0.value == pair.value } }
        case let (.map(a), .map(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.list(a), .list(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.quantity(a), .quantity(b)): return a == b
        case let (.version(a), .version(b)): return a == b
        case let (.color(a), .color(b)): return a == b
        default: return false
        }
    }

    package subscript(key: String) -> SpecValue? {
        guard case .object(let fields) = self else { return nil }
        // By position: `for field in fields` copied every pair it passed.
        for index in fields.indices where fields[index].key == key { return fields[index].value }
        return nil
    }

    package var string: String? { if case .string(let s) = self { return s }; return nil }
    package var integer: Int? { if case .integer(let i) = self { return i }; return nil }
    package var boolean: Bool? { if case .boolean(let b) = self { return b }; return nil }
    package var quantity: Quantity? { if case .quantity(let q) = self { return q }; return nil }
    package var version: VersionConstraint? { if case .version(let v) = self { return v }; return nil }
    package var color: Color? { if case .color(let c) = self { return c }; return nil }
    package var list: [SpecValue] { if case .list(let l) = self { return l }; return [] }
    package var pairs: [(key: String, value: SpecValue)] { if case .map(let m) = self { return m }; return [] }
}
