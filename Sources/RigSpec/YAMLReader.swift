import CYAML

/// Bounds on one spec file, so hostile YAML ends in a located error, not a hang or a crash.
/// Specs are a few KB; these are far above any real one (docs/spec.md, "Limits").
package struct YAMLLimits: Sendable {
    /// Bytes in one file, checked before parsing.
    package var maxBytes: Int
    /// Mappings and lists nested inside each other.
    package var maxDepth: Int
    /// Nodes that aliases (`*name`) may add by repeating anchored nodes (a "billion laughs" bomb).
    package var maxAliasNodes: Int
    /// Problems kept per file; the rest are only counted.
    package var maxDiagnostics: Int

    package init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxAliasNodes: Int = 10_000, maxDiagnostics: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        self.maxDiagnostics = maxDiagnostics
    }

    package static let spec = YAMLLimits()
}

/// Reads YAML into a `YAMLTree` straight from the system libyaml's parser events.
///
/// Marks: libyaml counts lines and columns from 0, columns in characters (`yaml.h`, `yaml_mark_t`);
/// `SourceLocation` is 1-based like compilers print it. Collection nodes are located at their start
/// event (the anchor or tag if any, else `{`, `[`, `-` or the first key).
package enum YAMLReader {
    package struct Result: Sendable {
        /// The document's root; nil for an empty stream or when the YAML cannot be read at all.
        package var root: YAMLTree?
        /// Problems found while reading. A syntax error or a limit ends reading (no root);
        /// duplicate keys and unsupported tags are reported and reading goes on.
        package var diagnostics: [Diagnostic]
        /// Problems past `YAMLLimits.maxDiagnostics`, counted but not kept.
        package var suppressed = 0
    }

    /// - Parameter localTags: tags such as `!unsafe` to accept on scalars and keep on the node
    ///   (specs accept none; tests read generated playbooks with `!unsafe`).
    package static func read(_ text: String, file: String, limits: YAMLLimits = .spec, localTags: Set<String> = []) -> Result {
        var text = text
        return text.withUTF8 { read(bytes: $0, file: file, limits: limits, localTags: localTags) }
    }

    package static func read(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits = .spec, localTags: Set<String> = []) -> Result {
        if bytes.count > limits.maxBytes {
            return Result(root: nil, diagnostics: [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), tooLarge(bytes.count, limits))])
        }
        var composer = YAMLComposer(file: file, limits: limits, localTags: localTags)
        return composer.compose(bytes)
    }

    static func tooLarge(_ size: Int, _ limits: YAMLLimits) -> String {
        "the file is \(size) bytes; a spec may be at most \(limits.maxBytes) bytes"
    }
}

/// Builds the tree from parser events with an explicit stack (no recursion, so depth costs no stack).
private struct YAMLComposer {
    let file: String
    /// The file's number, looked up once: every node's location carries it.
    let fileID: InternedNames.ID
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var suppressed = 0
    /// Anchored nodes with their size in nodes (aliases inside them counted in full).
    var anchors: [String: (tree: YAMLTree, size: Int)] = [:]
    var aliasNodes = 0
    var stack: [Frame] = []
    var root: YAMLTree?
    /// The items and pairs of every open list and mapping, each frame's at the end from its `start`.
    let items = PendingNodes<YAMLTree>()
    let pairs = PendingNodes<YAMLPair>()

    /// A mapping or list being read.
    struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        /// Where this frame's children start in `items` (a list) or `pairs` (a mapping).
        let start: Int
        var pendingKey: YAMLTree?
        /// The pending key repeats an earlier one: its value is reported and dropped.
        var pendingKeyRepeats = false
        /// Key texts, kept once a mapping is too long for a linear scan.
        var keyIndex: Set<String>?
        var size = 1
    }

    let localTags: Set<String>

    init(file: String, limits: YAMLLimits, localTags: Set<String>) {
        self.file = file
        self.fileID = InternedNames.files.id(of: file)
        self.limits = limits
        self.localTags = localTags
    }

    mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLReader.Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return fail(at: origin, "cannot read YAML: out of memory") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return syntaxError(parser, bytes) }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return YAMLReader.Result(root: root, diagnostics: diagnostics, suppressed: suppressed)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return fail(at: location, "YAML syntax: a spec is one YAML document; another one starts here")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                var plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                var kept: String?
                if let tag = scalar.tag.map(Self.string) {
                    if localTags.contains(tag) { kept = tag; plain = false } else { plain = checkScalarTag(tag, text: text, plain: plain, at: location) }
                }
                let node = YAMLTree(.scalar(text, plain: plain), at: location, tag: kept)
                remember(scalar.anchor, node, size: 1)
                add(node, size: 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                guard stack.count < limits.maxDepth else {
                    return fail(at: location, "YAML nesting deeper than \(limits.maxDepth) levels")
                }
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                if let tag { checkCollectionTag(tag, isMapping: isMapping, at: location) }
                stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor.map(Self.string),
                                   start: isMapping ? pairs.count : items.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let value: YAMLTree.Value = frame.isMapping ? .mapping(pairs.take(from: frame.start)) : .sequence(items.take(from: frame.start))
                let node = YAMLTree(value, at: frame.location)
                if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
                add(node, size: frame.size)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor)
                guard let anchored = anchors[name] else {
                    return fail(at: location, "YAML syntax: found undefined alias '*\(name)'")
                }
                aliasNodes += anchored.size
                guard aliasNodes <= limits.maxAliasNodes else {
                    return fail(at: location, "YAML aliases expand to more than \(limits.maxAliasNodes) nodes (at '*\(name)')")
                }
                add(anchored.tree, size: anchored.size)
            default:
                break
            }
        }
    }

    /// Puts a finished node into the mapping or list being read, or makes it the root. `node` is
    /// consumed and the pending key taken, not copied: each copy of a node is a value-witness call.
    private mutating func add(_ node: consuming YAMLTree, size: Int) {
        guard !stack.isEmpty else { root = node; return }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else { items.append(node); return }
        guard let key = stack[top].pendingKey.take() else {
            stack[top].pendingKeyRepeats = node.scalar.map { isRepeated($0, in: top) } ?? false
            if stack[top].pendingKeyRepeats, let name = node.scalar {
                report(at: node.location, "duplicate key '\(name)' in the same mapping")
            }
            stack[top].pendingKey = node
            return
        }
        guard !stack[top].pendingKeyRepeats else { return }
        let name = key.scalar
        pairs.append(YAMLPair(key: key, value: node))
        if let name {
            if stack[top].keyIndex != nil {
                stack[top].keyIndex!.insert(name)
            } else if pairs.count - stack[top].start == 16 {
                stack[top].keyIndex = pairs.withElements(from: stack[top].start) { Set($0.compactMap(\.key.scalar)) }
            }
        }
    }

    private func isRepeated(_ name: String, in index: Int) -> Bool {
        if let keys = stack[index].keyIndex { return keys.contains(name) }
        return pairs.withElements(from: stack[index].start) { $0.contains { $0.key.scalar == name } }
    }

    private mutating func remember(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: YAMLTree, size: Int) {
        if let anchor { anchors[Self.string(anchor)] = (node, size) }
    }

    // MARK: - Tags

    private static let corePrefix = "tag:yaml.org,2002:"

    /// `!!str` and `!` make a string; `!!int`, `!!float`, `!!bool` and `!!null` are accepted where the
    /// text already reads as that kind; any other tag (`!!binary`, `!custom`) is an error, never ignored.
    private mutating func checkScalarTag(_ tag: String, text: String, plain: Bool, at location: SourceLocation) -> Bool {
        let expected: ScalarKind
        switch tag {
        case "!", Self.corePrefix + "str": return false
        case Self.corePrefix + "int": expected = .int
        case Self.corePrefix + "float": expected = .float
        case Self.corePrefix + "bool": expected = .bool
        case Self.corePrefix + "null": expected = .null
        default:
            report(at: location, "YAML tag '\(Self.shortTag(tag))' is not supported in a spec")
            return plain
        }
        let kind = ScalarKind.resolve(text)
        if kind != expected, !(expected == .float && kind == .int) {
            report(at: location, "'\(text)' is not a valid \(Self.shortTag(tag))")
        }
        return true
    }

    private mutating func checkCollectionTag(_ pointer: UnsafeMutablePointer<yaml_char_t>, isMapping: Bool, at location: SourceLocation) {
        let tag = Self.string(pointer)
        if tag == "!" || tag == Self.corePrefix + (isMapping ? "map" : "seq") { return }
        report(at: location, "YAML tag '\(Self.shortTag(tag))' is not supported in a spec")
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
    }

    // MARK: - Errors

    private var origin: SourceLocation { SourceLocation(fileID: fileID, line: 1, column: 1) }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(fileID: fileID, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private mutating func fail(at location: SourceLocation, _ message: String) -> YAMLReader.Result {
        diagnostics.append(Diagnostic(at: location, message))
        return YAMLReader.Result(root: nil, diagnostics: diagnostics, suppressed: suppressed)
    }

    private mutating func report(at location: SourceLocation, _ message: @autoclosure () -> String) {
        guard diagnostics.count < limits.maxDiagnostics else { suppressed += 1; return }
        diagnostics.append(Diagnostic(at: location, message()))
    }

    private mutating func syntaxError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> YAMLReader.Result {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return fail(at: origin, "cannot read YAML: out of memory")
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark (yaml.h: problem_offset).
            return fail(at: Self.location(ofByte: parser.problem_offset, in: bytes, file: file), "not UTF-8 YAML text: \(problem)")
        default:
            let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
            return fail(at: location(parser.problem_mark), "YAML syntax: \(problem)\(context)")
        }
    }

    /// Line and column (in characters) of a byte offset.
    private static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }
}

/// The children of the collections being read, for every open level at once, each level's at the
/// end. A finished collection moves its tail into one exactly sized array: growing an array per
/// mapping by doubling cost a few allocations and copies for each.
private final class PendingNodes<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity = 64
    private(set) var count = 0

    init() { storage = .allocate(capacity: capacity) }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func append(_ element: consuming Element) {
        if count == capacity {
            // Nodes are bounded by YAMLLimits (bytes and aliases), far below an overflow.
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    func withElements<R>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        body(UnsafeBufferPointer(start: storage + start, count: count - start))
    }

    /// The elements from `start` on, moved out.
    func take(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let result = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage + start, count: taken)
            initialized = taken
        }
        count = start
        return result
    }
}
