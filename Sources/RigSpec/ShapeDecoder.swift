/// Checks a `YAMLTree` against a `Shape`, producing the typed value, every problem found
/// (not just the first), and where each key path was written.
struct ShapeDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations = SourceMap()
    /// Diagnostics past `limit` are counted, not built, so a file of 100,000 errors stays cheap.
    let limit: Int
    private(set) var suppressed = 0

    init(limit: Int = Int.max) {
        self.limit = limit
    }

    mutating func decode(_ tree: YAMLTree, as shape: Shape, path: String) -> SpecValue? {
        switch shape {
        case .object(let fields): return decodeObject(tree, fields: fields, path: path)
        case .map(let keyPattern, let valueShape): return decodeMap(tree, keyPattern: keyPattern, value: valueShape, path: path)
        case .list(let item, let unique): return decodeList(tree, item: item, unique: unique, path: path)
        case .oneOrMany(let item):
            if case .sequence = tree.value { return decodeList(tree, item: item, unique: false, path: path) }
            return decode(tree, as: item, path: path + "[0]").map { .list([$0]) }
        default: return decodeScalar(tree, as: shape, path: path)
        }
    }

    private mutating func decodeObject(_ tree: YAMLTree, fields: [Field], path: String) -> SpecValue? {
        guard case .mapping(let pairs) = tree.value else { return mismatch(tree, expected: "a mapping", path: path) }
        var values: [(key: String, value: SpecValue)] = []
        values.reserveCapacity(pairs.count)
        // Which fields were given, by index (a Set of strings cost a hash per key).
        var seen = FieldSet(count: fields.count)
        for (key, value) in pairs {
            guard let name = key.scalar else { error(at: key.location, "keys must be plain strings"); continue }
            guard let index = fields.firstIndex(where: { $0.key == name }) else {
                let where_ = path.isEmpty ? "" : " in '\(path)'"
                error(at: key.location, "unknown key '\(name)'\(where_)\(Suggestion.hint(for: name, among: fields.map(\.key)))")
                continue
            }
            if seen.contains(index) { error(at: key.location, "duplicate key '\(name)'"); continue }
            seen.insert(index)
            let childPath = path.isEmpty ? name : KeyPathText.key(name, in: path)
            locations[childPath] = key.location
            if let decoded = decode(value, as: fields[index].shape, path: childPath) { values.append((name, decoded)) }
        }
        for (index, field) in fields.enumerated() where field.required && !seen.contains(index) {
            let owner = path.isEmpty ? "the spec" : "'\(path)'"
            error(at: tree.location, "missing required key '\(field.key)' in \(owner) (\(field.summary))")
        }
        return .object(values)
    }

    private mutating func decodeMap(_ tree: YAMLTree, keyPattern: StringPattern, value shape: Shape, path: String) -> SpecValue? {
        guard case .mapping(let pairs) = tree.value else { return mismatch(tree, expected: "a mapping", path: path) }
        var values: [(key: String, value: SpecValue)] = []
        var seen: Set<String> = []
        for (key, value) in pairs {
            guard let name = key.scalar, keyPattern.matches(name) else {
                error(at: key.location, "'\(key.scalar ?? "?")' is not a valid key in '\(path)': expected \(keyPattern.meaning)")
                continue
            }
            if !seen.insert(name).inserted { error(at: key.location, "duplicate key '\(name)'"); continue }
            let childPath = KeyPathText.key(name, in: path)
            locations[childPath] = key.location
            if let decoded = decode(value, as: shape, path: childPath) { values.append((name, decoded)) }
        }
        return .map(values)
    }

    private mutating func decodeList(_ tree: YAMLTree, item: Shape, unique: Bool, path: String) -> SpecValue? {
        guard case .sequence(let items) = tree.value else { return mismatch(tree, expected: "a list", path: path) }
        var values: [SpecValue] = []
        var strings = Set<String>()   // strings checked in one pass: 16,000 apt names stay linear
        for (index, element) in items.enumerated() {
            let childPath = "\(path)[\(index)]"
            locations[childPath] = element.location
            guard let decoded = decode(element, as: item, path: childPath) else { continue }
            if unique, isDuplicate(decoded, among: values, strings: &strings) {
                error(at: element.location, "'\(element.scalar ?? "item")' is listed twice in '\(path)'")
                continue
            }
            values.append(decoded)
        }
        return .list(values)
    }

    private func isDuplicate(_ value: SpecValue, among values: [SpecValue], strings: inout Set<String>) -> Bool {
        if case .string(let text) = value { return !strings.insert(text).inserted }
        return values.contains(value)
    }

    private mutating func decodeScalar(_ tree: YAMLTree, as shape: Shape, path: String) -> SpecValue? {
        guard case .scalar(let text, _) = tree.value, let kind = tree.resolvedKind else {
            return mismatch(tree, expected: shape.expectation, path: path)
        }
        switch shape {
        case .string(let pattern):
            guard kind == .string else { return quoteHint(tree, text: text, kind: kind, path: path, expected: pattern.meaning) }
            guard pattern.matches(text) else { return invalid(tree, path: path, "'\(text)' is not \(pattern.meaning)") }
            return .string(text)
        case .choice(let options):
            guard kind == .string, options.contains(text) else {
                return invalid(tree, path: path, "'\(text)' is not one of \(options.map { "'\($0)'" }.joined(separator: ", "))\(Suggestion.hint(for: text, among: options))")
            }
            return .string(text)
        case .integer(let range):
            guard kind == .int, let number = Int(text) else { return mismatch(tree, expected: shape.expectation, path: path) }
            guard range.contains(number) else {
                if range.count == 1 { return invalid(tree, path: path, "\(number) is not supported: this rigctl reads \(range.lowerBound)") }
                return invalid(tree, path: path, "\(number) is out of range: expected \(shape.expectation)")
            }
            return .integer(number)
        case .boolean:
            guard kind == .bool else { return mismatch(tree, expected: "true or false", path: path) }
            return .boolean(text.lowercased() == "true")
        case .quantity(let dimension):
            switch Quantity.parse(text, as: dimension) {
            case .success(let quantity): return .quantity(quantity)
            case .failure(.missingUnit):
                return invalid(tree, path: path, "'\(text)' needs a unit: write it like \"\(dimension.example)\"")
            case .failure(.unknownUnit(let unit)):
                let units = dimension.units.map(\.symbol)
                return invalid(tree, path: path, "unknown \(dimension.rawValue) unit '\(unit)' (use \(units.joined(separator: ", ")))\(Suggestion.hint(for: unit, among: units))")
            case .failure(.malformed):
                return invalid(tree, path: path, "'\(text)' is not \(shape.expectation)")
            case .failure(.outOfRange):
                return invalid(tree, path: path, "'\(text)' is out of range: expected a \(dimension.rawValue) from \(dimension.rangeText)")
            }
        case .version:
            guard kind == .string else { return quoteHint(tree, text: text, kind: kind, path: path, expected: shape.expectation) }
            guard let constraint = VersionConstraint(text) else { return invalid(tree, path: path, "'\(text)' is not \(shape.expectation)") }
            return .version(constraint)
        case .color:
            guard let color = Color(hex: text), SpecPatterns.color.matches(text) else {
                return invalid(tree, path: path, "'\(text)' is not a colour: write it as \"#rrggbb\" (quoted, since # starts a YAML comment)")
            }
            return .color(color)
        default:
            return mismatch(tree, expected: shape.expectation, path: path)
        }
    }

    private mutating func quoteHint(_ tree: YAMLTree, text: String, kind: ScalarKind, path: String, expected: String) -> SpecValue? {
        if kind == .null { return mismatch(tree, expected: expected, path: path) }
        return invalid(tree, path: path, "\(text) reads as \(tree.kindName) in YAML; quote it (\"\(text)\") to mean \(expected)")
    }

    private mutating func mismatch(_ tree: YAMLTree, expected: String, path: String) -> SpecValue? {
        invalid(tree, path: path, "expected \(expected), found \(tree.kindName)")
    }

    private mutating func invalid(_ tree: YAMLTree, path: String, _ message: @autoclosure () -> String) -> SpecValue? {
        error(at: tree.location, "\(path.isEmpty ? "spec" : path): \(message())")
        return nil
    }

    private mutating func error(at location: SourceLocation, _ message: @autoclosure () -> String) {
        guard diagnostics.count < limit else { suppressed += 1; return }
        diagnostics.append(Diagnostic(at: location, message()))
    }
}

/// Child key paths, built in one allocation: interpolation grew the string piece by piece, and
/// the decoder builds one path per key of every spec. (List items keep interpolation: measured,
/// the same done for `path[i]` cost more than it saved.)
enum KeyPathText {
    /// `parts.gpus` for `gpus` in `parts`.
    static func key(_ name: String, in path: String) -> String {
        var result = path
        reserve(&result, path.utf8.count + 1 + name.utf8.count)
        result += "."
        result += name
        return result
    }

    /// Up to 15 UTF-8 bytes a String is stored inline; reserving those would allocate.
    private static func reserve(_ text: inout String, _ count: Int) {
        if count > 15 { text.reserveCapacity(count) }
    }
}

/// Field indexes of one object: bits of a word (objects have a few fields), a list past 64.
private struct FieldSet {
    private var bits: UInt64 = 0
    private var more: [Bool]

    init(count: Int) { more = count > 64 ? [Bool](repeating: false, count: count) : [] }

    func contains(_ index: Int) -> Bool { more.isEmpty ? bits & (1 << UInt64(index)) != 0 : more[index] }

    mutating func insert(_ index: Int) {
        if more.isEmpty { bits |= 1 << UInt64(index) } else { more[index] = true }
    }
}

/// "Did you mean …?" by edit distance.
enum Suggestion {
    /// "; did you mean 'gpus'?" or nothing.
    static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func closest(to word: String, among candidates: [String]) -> String? {
        // No key or unit is this long; a huge word costs distance() its square for nothing.
        guard word.utf8.count <= 64 else { return nil }
        let limit = max(2, word.count / 3)
        // Ties go to the candidate sharing the longest prefix ('gpu' → 'gpus', not 'cpu').
        var best: (candidate: String, distance: Int, prefix: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            guard d <= limit, d < max(word.count, candidate.count) else { continue }
            let prefix = zip(word.lowercased(), candidate.lowercased()).prefix(while: ==).count
            if let current = best, (current.distance, -current.prefix, current.candidate) <= (d, -prefix, candidate) { continue }
            best = (candidate, d, prefix)
        }
        return best?.candidate
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
