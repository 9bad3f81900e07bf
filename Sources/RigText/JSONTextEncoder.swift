import FoundationEssentials

/// Encodes a value as JSON with every byte Foundation's `JSONEncoder` writes under
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` — the layout of every JSON file and
/// report rigctl writes (facts.json, recorded hosts, `--format json`).
///
/// Why not `JSONEncoder` itself: it asks of every value it encodes whether it is a `Date`, `URL`,
/// `Data`, `Decimal` or a string-keyed dictionary, and the first such cast of each type scans every
/// protocol conformance record in the binary — about 8 % of `rigctl probe`'s CPU (perf). This
/// encoder casts nothing: each value encodes itself into containers that write text.
///
/// Layout: two-space indents, `"key" : value`, keys in `String` order, an empty container as its
/// brackets around an empty line, `Double` and `Float` as their shortest description without a
/// trailing `.0`. A non-finite number is an error, as it is for `JSONEncoder`.
package enum JSONTextEncoder {
    package static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = Slot()
        try value.encode(to: TextEncoder(slot: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        (root.node ?? .object(ObjectNode())).write(into: &out, indent: 0)
        return out
    }

    package static func encodeText<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}

// MARK: - The encoded tree

private final class ObjectNode {
    var members: [String: Node] = [:]
}

private final class ArrayNode {
    var items: [Node] = []
}

private enum Node {
    /// A scalar already written as JSON text.
    case text([UInt8])
    case object(ObjectNode)
    case array(ArrayNode)

    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .text(let bytes): out.append(contentsOf: bytes)
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            out.append(0x0A)
            let keys = object.members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.spaces(indent + 2, into: &out)
                JSONTextEncoder.quote(key, into: &out)
                out.append(contentsOf: " : ".utf8)
                object.members[key]!.write(into: &out, indent: indent + 2)
                if index < keys.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            if keys.isEmpty { out.append(0x0A) }
            Self.spaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let array):
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (index, item) in array.items.enumerated() {
                Self.spaces(indent + 2, into: &out)
                item.write(into: &out, indent: indent + 2)
                if index < array.items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            if array.items.isEmpty { out.append(0x0A) }
            Self.spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func spaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}

/// Where one value goes: the root, an object's key or an array's element.
private final class Slot {
    var node: Node?
    private let store: ((Node) -> Void)?

    init(store: ((Node) -> Void)? = nil) { self.store = store }

    func set(_ node: Node) {
        self.node = node
        store?(node)
    }
}

extension JSONTextEncoder {
    /// `text` as a JSON string: `"`, `\\` and control characters escaped (the short forms where JSON has
    /// them, else `\u00xx`), everything else as its UTF-8 bytes. `JSONValue.prettyText` writes strings so too.
    package static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    fileprivate static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, at path: [any CodingKey]) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: path, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .text(Array(text.utf8))
    }

    fileprivate static func integer(_ value: some BinaryInteger) -> Node { .text(Array(String(value).utf8)) }
    fileprivate static func string(_ value: String) -> Node {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        quote(value, into: &out)
        return .text(out)
    }
    fileprivate static var null: Node { .text(Array("null".utf8)) }
    fileprivate static func bool(_ value: Bool) -> Node { .text(Array((value ? "true" : "false").utf8)) }

    /// Encodes `value` into `slot`; a value that writes nothing is an empty object, as in `JSONEncoder`.
    fileprivate static func encode<Value: Encodable>(_ value: Value, into slot: Slot, codingPath: [any CodingKey]) throws {
        try value.encode(to: TextEncoder(slot: slot, codingPath: codingPath))
        if slot.node == nil { slot.set(.object(ObjectNode())) }
    }
}

// MARK: - Encoder and its containers

private struct TextEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = slot.node {
            return KeyedEncodingContainer(KeyedContainer(object: object, codingPath: codingPath))
        }
        let object = ObjectNode()
        slot.set(.object(object))
        return KeyedEncodingContainer(KeyedContainer(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = slot.node { return UnkeyedContainer(array: array, codingPath: codingPath) }
        let array = ArrayNode()
        slot.set(.array(array))
        return UnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let codingPath: [any CodingKey]

    private func put(_ node: Node, _ key: Key) { object.members[key.stringValue] = node }

    mutating func encodeNil(forKey key: Key) throws { put(JSONTextEncoder.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(JSONTextEncoder.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(JSONTextEncoder.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try JSONTextEncoder.number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try JSONTextEncoder.number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONTextEncoder.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let object = object, name = key.stringValue
        try JSONTextEncoder.encode(value, into: Slot { object.members[name] = $0 }, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        put(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        put(.array(nested), key)
        return UnkeyedContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let object = object
        object.members[name] = .object(ObjectNode())
        return TextEncoder(slot: Slot { object.members[name] = $0 }, codingPath: codingPath + [IndexKey(name: name)])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: ArrayNode
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    private func append(_ node: Node) { array.items.append(node) }

    mutating func encodeNil() throws { append(JSONTextEncoder.null) }
    mutating func encode(_ value: Bool) throws { append(JSONTextEncoder.bool(value)) }
    mutating func encode(_ value: String) throws { append(JSONTextEncoder.string(value)) }
    mutating func encode(_ value: Double) throws { append(try JSONTextEncoder.number(value, at: codingPath + [IndexKey(index: count)])) }
    mutating func encode(_ value: Float) throws { append(try JSONTextEncoder.number(value, at: codingPath + [IndexKey(index: count)])) }
    mutating func encode(_ value: Int) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { append(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { append(JSONTextEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let array = array, index = count
        array.items.append(.object(ObjectNode()))
        try JSONTextEncoder.encode(value, into: Slot { array.items[index] = $0 }, codingPath: codingPath + [IndexKey(index: index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        let path = codingPath + [IndexKey(index: count)]
        append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let path = codingPath + [IndexKey(index: count)]
        append(.array(nested))
        return UnkeyedContainer(array: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let array = array, index = count
        array.items.append(.object(ObjectNode()))
        return TextEncoder(slot: Slot { array.items[index] = $0 }, codingPath: codingPath + [IndexKey(index: index)])
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set(JSONTextEncoder.null) }
    mutating func encode(_ value: Bool) throws { slot.set(JSONTextEncoder.bool(value)) }
    mutating func encode(_ value: String) throws { slot.set(JSONTextEncoder.string(value)) }
    mutating func encode(_ value: Double) throws { slot.set(try JSONTextEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { slot.set(try JSONTextEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Int) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { slot.set(JSONTextEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { slot.set(JSONTextEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTextEncoder.encode(value, into: slot, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(index: Int) { stringValue = "Index \(index)"; intValue = index }
    init(name: String) { stringValue = name; intValue = nil }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init?(intValue: Int) { self.init(index: intValue) }
}
