/// Checks a `YAMLTree` against a `Shape`, producing the typed value, every problem found
/// (not just the first), and where each key path was written.
///
/// Each node is decoded at a position of `locations` (`SourceMap.top` for the whole spec): its key
/// path is built from there only when a problem names it.
struct ShapeDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations = SourceMap()
    /// Diagnostics past `limit` are counted, not built, so a file of 100,000 errors stays cheap.
    let limit: Int
    private(set) var suppressed = 0

    init(limit: Int = Int.max) {
        self.limit = limit
    }

    /// Writes where the whole spec is (the path `""`), after its keys.
    mutating func locate(top origin: SourceLocation) { locations[""] = origin }

    /// Decodes the whole spec (at the top of `locations`).
    mutating func decode(_ tree: YAMLTree, as shape: Shape) -> SpecValue? {
        decode(tree, as: shape, at: SourceMap.top)
    }

    private mutating func decode(_ tree: YAMLTree, as shape: Shape, at place: Int) -> SpecValue? {
        switch shape {
        case .object(let fields): return decodeObject(tree, fields: fields, at: place)
        case .map(let keyPattern, let valueShape): return decodeMap(tree, keyPattern: keyPattern, value: valueShape, at: place)
        case .list(let item, let unique): return decodeList(tree, item: item, unique: unique, at: place)
        case .oneOrMany(let item):
            if case .sequence = tree.value { return decodeList(tree, item: item, unique: false, at: place) }
            // `psu[0]` is not itself written: only the keys under it are.
            return decode(tree, as: item, at: locations.item(0, under: place, at: nil)).map { .list([$0]) }
        default: return decodeScalar(tree, as: shape, at: place)
        }
    }

    private mutating func decodeObject(_ tree: YAMLTree, fields: [Field], at place: Int) -> SpecValue? {
        guard case .mapping(let pairs) = tree.value else { return mismatch(tree, expected: "a mapping", at: place) }
        var values: [(key: String, value: SpecValue)] = []
        values.reserveCapacity(pairs.count)
        // Which fields were given, by index (a Set of strings cost a hash per key).
        var seen = FieldSet(count: fields.count)
        // Keys are mostly written in the shape's order: the search for each starts after the last one found.
        var next = 0
        // By position, not `for (key, value) in pairs`: a copied pair of nodes cost two value-witness copies.
        for position in pairs.indices {
            let location = pairs[position].key.location
            guard let name = pairs[position].key.scalar else { error(at: location, "keys must be plain strings"); continue }
            guard let index = ShapeDecoder.field(named: name, in: fields, from: next) else {
                let map = locations
                error(at: location, "unknown key '\(name)'\(ShapeDecoder.inPath(map, place))\(Suggestion.hint(for: name, among: fields.map(\.key)))")
                continue
            }
            next = index + 1
            if seen.contains(index) { error(at: location, "duplicate key '\(name)'"); continue }
            seen.insert(index)
            // The field's own key: the same text as `name`, kept once for the process (copies retain nothing).
            let field = fields[index]
            let child = locations.key(field.key, dotted: !locations.isEmptyPath(at: place), under: place, at: location)
            if let decoded = decode(pairs[position].value, as: field.shape, at: child) { values.append((field.key, decoded)) }
        }
        for (index, field) in fields.enumerated() where field.required && !seen.contains(index) {
            let map = locations
            error(at: tree.location, "missing required key '\(field.key)' in \(ShapeDecoder.owner(map, place)) (\(field.summary))")
        }
        return .object(values)
    }

    // The key path of `place` as the messages name it (built only for a message that is kept).
    private static func inPath(_ locations: SourceMap, _ place: Int) -> String {
        let path = locations.path(at: place)
        return path.isEmpty ? "" : " in '\(path)'"
    }

    private static func owner(_ locations: SourceMap, _ place: Int) -> String {
        let path = locations.path(at: place)
        return path.isEmpty ? "the spec" : "'\(path)'"
    }

    private static func subject(_ locations: SourceMap, _ place: Int) -> String {
        let path = locations.path(at: place)
        return path.isEmpty ? "spec" : path
    }

    /// The index of the field named `name`, searched from `start` on and then from the first.
    private static func field(named name: String, in fields: [Field], from start: Int) -> Int? {
        let count = name.utf8.count
        for index in start..<max(start, fields.count) where fields[index].key.utf8.count == count && fields[index].key == name { return index }
        for index in 0..<min(start, fields.count) where fields[index].key.utf8.count == count && fields[index].key == name { return index }
        return nil
    }

    private mutating func decodeMap(_ tree: YAMLTree, keyPattern: StringPattern, value shape: Shape, at place: Int) -> SpecValue? {
        guard case .mapping(let pairs) = tree.value else { return mismatch(tree, expected: "a mapping", at: place) }
        var values: [(key: String, value: SpecValue)] = []
        var seen: Set<String> = []
        for position in pairs.indices {
            let location = pairs[position].key.location
            guard let name = pairs[position].key.scalar, keyPattern.matches(name) else {
                let map = locations, written = pairs[position].key.scalar
                error(at: location, "'\(written ?? "?")' is not a valid key in '\(map.path(at: place))': expected \(keyPattern.meaning)")
                continue
            }
            if !seen.insert(name).inserted { error(at: location, "duplicate key '\(name)'"); continue }
            let child = locations.key(name, dotted: true, under: place, at: location)
            if let decoded = decode(pairs[position].value, as: shape, at: child) { values.append((name, decoded)) }
        }
        return .map(values)
    }

    private mutating func decodeList(_ tree: YAMLTree, item: Shape, unique: Bool, at place: Int) -> SpecValue? {
        guard case .sequence(let items) = tree.value else { return mismatch(tree, expected: "a list", at: place) }
        var values: [SpecValue] = []
        var strings = Set<String>()   // strings checked in one pass: 16,000 apt names stay linear
        for index in items.indices {
            let location = items[index].location
            let child = locations.item(index, under: place, at: location)
            guard let decoded = decode(items[index], as: item, at: child) else { continue }
            if unique, isDuplicate(decoded, among: values, strings: &strings) {
                let map = locations, written = items[index].scalar
                error(at: location, "'\(written ?? "item")' is listed twice in '\(map.path(at: place))'")
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

    private mutating func decodeScalar(_ tree: YAMLTree, as shape: Shape, at place: Int) -> SpecValue? {
        guard case .scalar(let text, _) = tree.value, let kind = tree.resolvedKind else {
            return mismatch(tree, expected: shape.expectation, at: place)
        }
        switch shape {
        case .string(let pattern):
            guard kind == .string else { return quoteHint(tree, text: text, kind: kind, at: place, expected: pattern.meaning) }
            guard pattern.matches(text) else { return invalid(tree, at: place, "'\(text)' is not \(pattern.meaning)") }
            return .string(text)
        case .choice(let options):
            guard kind == .string, options.contains(text) else {
                return invalid(tree, at: place, "'\(text)' is not one of \(options.map { "'\($0)'" }.joined(separator: ", "))\(Suggestion.hint(for: text, among: options))")
            }
            return .string(text)
        case .integer(let range):
            guard kind == .int, let number = Int(text) else { return mismatch(tree, expected: shape.expectation, at: place) }
            guard range.contains(number) else {
                if range.count == 1 { return invalid(tree, at: place, "\(number) is not supported: this rigctl reads \(range.lowerBound)") }
                return invalid(tree, at: place, "\(number) is out of range: expected \(shape.expectation)")
            }
            return .integer(number)
        case .boolean:
            guard kind == .bool else { return mismatch(tree, expected: "true or false", at: place) }
            return .boolean(text.lowercased() == "true")
        case .quantity(let dimension):
            switch Quantity.parse(text, as: dimension) {
            case .success(let quantity): return .quantity(quantity)
            case .failure(.missingUnit):
                return invalid(tree, at: place, "'\(text)' needs a unit: write it like \"\(dimension.example)\"")
            case .failure(.unknownUnit(let unit)):
                let units = dimension.units.map(\.symbol)
                return invalid(tree, at: place, "unknown \(dimension.rawValue) unit '\(unit)' (use \(units.joined(separator: ", ")))\(Suggestion.hint(for: unit, among: units))")
            case .failure(.malformed):
                return invalid(tree, at: place, "'\(text)' is not \(shape.expectation)")
            case .failure(.outOfRange):
                return invalid(tree, at: place, "'\(text)' is out of range: expected a \(dimension.rawValue) from \(dimension.rangeText)")
            }
        case .version:
            guard kind == .string else { return quoteHint(tree, text: text, kind: kind, at: place, expected: shape.expectation) }
            guard let constraint = VersionConstraint(text) else { return invalid(tree, at: place, "'\(text)' is not \(shape.expectation)") }
            return .version(constraint)
        case .color:
            guard let color = Color(hex: text), SpecPatterns.color.matches(text) else {
                return invalid(tree, at: place, "'\(text)' is not a colour: write it as \"#rrggbb\" (quoted, since # starts a YAML comment)")
            }
            return .color(color)
        default:
            return mismatch(tree, expected: shape.expectation, at: place)
        }
    }

    private mutating func quoteHint(_ tree: YAMLTree, text: String, kind: ScalarKind, at place: Int, expected: String) -> SpecValue? {
        if kind == .null { return mismatch(tree, expected: expected, at: place) }
        return invalid(tree, at: place, "\(text) reads as \(tree.kindName) in YAML; quote it (\"\(text)\") to mean \(expected)")
    }

    private mutating func mismatch(_ tree: YAMLTree, expected: String, at place: Int) -> SpecValue? {
        invalid(tree, at: place, "expected \(expected), found \(tree.kindName)")
    }

    private mutating func invalid(_ tree: YAMLTree, at place: Int, _ message: @autoclosure () -> String) -> SpecValue? {
        let map = locations
        error(at: tree.location, "\(ShapeDecoder.subject(map, place)): \(message())")
        return nil
    }

    private mutating func error(at location: SourceLocation, _ message: @autoclosure () -> String) {
        guard diagnostics.count < limit else { suppressed += 1; return }
        diagnostics.append(Diagnostic(at: location, message()))
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
