/// Decodes a `Decodable` value from a parsed `JSONValue`: the fast path for JSON that is read in
/// bulk (`audit` reads every machine's recorded facts).
///
/// It is stricter than Foundation's `JSONDecoder`, never looser: a value is decoded only when the
/// JSON gives it directly (a number written as an integer for an integer type, a finite number
/// for a floating-point one, no repeated keys). Anything else is `Unsupported`, and the caller
/// decodes with `JSONDecoder` instead, which then accepts it or gives its usual located error.
/// So this decoder tracks no coding path: its failures are never shown.
package enum JSONValueDecoder {
    /// The JSON holds something this decoder does not decode by itself (see the type's comment).
    package struct Unsupported: Error, Sendable { package init() {} }

    package static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value))
    }

    /// Integers as `T(text)` reads them: an optional `-` and decimal digits only (JSONDecoder also
    /// takes `5.0` or `5e3` for an integer, through its slow path; those go to it).
    @inlinable package static func integer<T: FixedWidthInteger>(_ value: JSONValue, as type: T.Type) throws -> T {
        guard case .number(let text) = value, let integer = T(text) else { throw Unsupported() }
        return integer
    }

    /// A finite number; a result of zero only from a text with no other digit than 0 before its
    /// exponent (an underflow to zero is an error in JSONDecoder).
    @inlinable package static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: JSONValue, as type: T.Type) throws -> T {
        guard case .number(let text) = value, let number = T(text), number.isFinite else { throw Unsupported() }
        if number == 0 {
            for byte in text.utf8 {
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
                if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { throw Unsupported() }
            }
        }
        return number
    }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw JSONValueDecoder.Unsupported() }
        return KeyedDecodingContainer(try ObjectContainer<Key>(members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw JSONValueDecoder.Unsupported() }
        return ArrayContainer(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ScalarContainer(value: value) }
}

/// One JSON value read as a scalar, the way `JSONDecoder` reads it when it has the right type.
private protocol ScalarReading {
    func next() throws -> JSONValue
}

extension ScalarReading {
    func readNil() throws -> Bool { try next().isNull }
    func read(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let value) = try next() else { throw JSONValueDecoder.Unsupported() }
        return value
    }
    func read(_ type: String.Type) throws -> String {
        guard case .string(let text) = try next() else { throw JSONValueDecoder.Unsupported() }
        return text
    }
    func read<T: Decodable>(_ type: T.Type) throws -> T {
        // The scalar types first, as JSONDecoder special-cases them; everything else decodes itself.
        // Compared by metatype identity, not with `is` casts: this runs for every value, unspecialized
        // (each `is` a dynamic cast), and for these value types the two say the same.
        let value = try next()
        let type: Any.Type = type
        if type == String.self || type == Bool.self { return try ScalarContainer(value: value).decodeScalar(T.self) }
        if type == Int.self { return try JSONValueDecoder.integer(value, as: Int.self) as! T }
        if type == Double.self { return try JSONValueDecoder.floatingPoint(value, as: Double.self) as! T }
        if type == UInt64.self { return try JSONValueDecoder.integer(value, as: UInt64.self) as! T }
        if type == Int64.self { return try JSONValueDecoder.integer(value, as: Int64.self) as! T }
        if type == Int32.self { return try JSONValueDecoder.integer(value, as: Int32.self) as! T }
        if type == Int16.self { return try JSONValueDecoder.integer(value, as: Int16.self) as! T }
        if type == Int8.self { return try JSONValueDecoder.integer(value, as: Int8.self) as! T }
        if type == UInt.self { return try JSONValueDecoder.integer(value, as: UInt.self) as! T }
        if type == UInt32.self { return try JSONValueDecoder.integer(value, as: UInt32.self) as! T }
        if type == UInt16.self { return try JSONValueDecoder.integer(value, as: UInt16.self) as! T }
        if type == UInt8.self { return try JSONValueDecoder.integer(value, as: UInt8.self) as! T }
        if type == Float.self { return try JSONValueDecoder.floatingPoint(value, as: Float.self) as! T }
        return try T(from: ValueDecoder(value: value))
    }
}

private struct ScalarContainer: SingleValueDecodingContainer, ScalarReading {
    let value: JSONValue
    var codingPath: [any CodingKey] { [] }

    func next() throws -> JSONValue { value }

    func decodeScalar<T>(_ type: T.Type) throws -> T {
        switch value {
        case .bool(let flag) where type == Bool.self: return flag as! T
        case .string(let text) where type == String.self: return text as! T
        default: throw JSONValueDecoder.Unsupported()
        }
    }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try read(type) }
    func decode(_ type: String.Type) throws -> String { try read(type) }
    func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.floatingPoint(value, as: type) }
    func decode(_ type: Float.Type) throws -> Float { try JSONValueDecoder.floatingPoint(value, as: type) }
    func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONValueDecoder.integer(value, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONValueDecoder.integer(value, as: type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    var codingPath: [any CodingKey] { [] }

    init(members: [(key: String, value: JSONValue)]) throws {
        // A repeated key: JSONDecoder decides which one counts.
        if members.count <= 16 {
            for index in members.indices.dropFirst() where members[..<index].contains(where: { $0.key == members[index].key }) {
                throw JSONValueDecoder.Unsupported()
            }
        } else if Set(members.map(\.key)).count != members.count {
            throw JSONValueDecoder.Unsupported()
        }
        self.members = members
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    private func lookup(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        return members.first { $0.key == name }?.value
    }

    /// The value under `key`; a missing one is not this decoder's to report.
    private func value(_ key: Key) throws -> JSONValue {
        guard let value = lookup(key) else { throw JSONValueDecoder.Unsupported() }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Field(value: value(key)).read(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Field(value: value(key)).read(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try Field(value: value(key)).read(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try JSONValueDecoder.integer(value(key), as: type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try JSONValueDecoder.floatingPoint(value(key), as: type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try JSONValueDecoder.floatingPoint(value(key), as: type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        // As JSONDecoder: an absent key and a null value are both nil.
        guard let value = lookup(key), !value.isNull else { return nil }
        return try Field(value: value).read(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw JSONValueDecoder.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw JSONValueDecoder.Unsupported() }
}

/// One member's value, read once.
private struct Field: ScalarReading {
    let value: JSONValue
    func next() throws -> JSONValue { value }
}

private struct ArrayContainer: UnkeyedDecodingContainer, ScalarReading {
    let items: [JSONValue]
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(items: [JSONValue]) { self.items = items }

    /// `ScalarReading` reads without moving; the decode methods move on after a value is read.
    func next() throws -> JSONValue {
        guard currentIndex < items.count else { throw JSONValueDecoder.Unsupported() }
        return items[currentIndex]
    }

    private mutating func advance<T>(_ read: (Self) throws -> T) throws -> T {
        let value = try read(self)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        // As JSONDecoder: a null is consumed, anything else is left for the next decode.
        guard try next().isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try advance { try $0.read(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try advance { try $0.read(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try advance { try $0.read(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advance { try JSONValueDecoder.integer($0.next(), as: type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try advance { try JSONValueDecoder.floatingPoint($0.next(), as: type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try advance { try JSONValueDecoder.floatingPoint($0.next(), as: type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try advance { try ValueDecoder(value: $0.next()).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advance { try ValueDecoder(value: $0.next()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { throw JSONValueDecoder.Unsupported() }
}
