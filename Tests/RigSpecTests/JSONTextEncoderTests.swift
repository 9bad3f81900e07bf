import FoundationEssentials
import Testing
@testable import RigText

/// `JSONTextEncoder` writes every byte `JSONEncoder` writes under the project's options; JSONEncoder
/// is the oracle in each test.
@Suite struct JSONTextEncoderTests {
    static func oracle<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try JSONTextEncoder.encodeText(value) == oracle(value), sourceLocation: sourceLocation)
    }

    enum Kind: String, Codable { case first, second }

    struct Inner: Codable { var name: String; var count: Int?; var kind: Kind }

    struct Outer: Codable {
        var inners: [Inner]
        var empty: [Inner] = []
        var nothing: [String: Int] = [:]
        var optionals: [Int?] = [1, nil, 3]
        var table: [String: Inner]
        var nested: [[Double]] = [[], [1.5], [0.1, 2]]
        var flag = true
        var unset: String? = nil
    }

    @Test func structsArraysOptionalsAndDictionaries() throws {
        let inners = [Inner(name: "a", count: 1, kind: .first), Inner(name: "", count: nil, kind: .second)]
        let table = ["b": inners[0], "B": inners[1], "a10": inners[0], "a9": inners[1], "_x": inners[0], "é": inners[1]]
        try Self.expectSame(Outer(inners: inners, table: table))
        try Self.expectSame([Outer]())
        try Self.expectSame(["only": [String: [Int]]()])
        try Self.expectSame("top-level string")
        try Self.expectSame(42)
        try Self.expectSame([Int?.none])
    }

    @Test func everyByteOfAStringIsWrittenAsJSONEncoderDoes() throws {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        try Self.expectSame([ascii, "é ü 中文 \u{2028}\u{2029}\u{FEFF} 🙂", "a/b\\c\"d", ""])
        try Self.expectSame([ascii: ascii])
    }

    @Test func numbersAreWrittenAsJSONEncoderDoes() throws {
        let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 1.5, 1e21, 1e22, 1e-7, 123_456_789_012, 2.5e-300, 1.0 / 3,
                                 .greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 9_007_199_254_740_993]
        try Self.expectSame(doubles)
        try Self.expectSame(doubles.map(Float.init).filter(\.isFinite))
        try Self.expectSame([Int.min, Int.max, 0])
        try Self.expectSame([UInt64.max])
        try Self.expectSame([Int8.min, Int8.max])
        try Self.expectSame([UInt8.max])
        try Self.expectSame([Int16.min: true])
        try Self.expectSame([true, false])
    }

    @Test func aNumberJSONCannotHoldIsAnError() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONTextEncoder.encode(["x": value]) }
        }
    }

    /// A type that writes through a super encoder and a nested container, and one that writes nothing.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case list, inner }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("one")
            var object = list.nestedContainer(keyedBy: Keys.self)
            try object.encode(2, forKey: .inner)
            try Silent().encode(to: container.superEncoder())
            try container.encode(Silent(), forKey: .inner)
        }
    }

    struct Silent: Encodable { func encode(to encoder: any Encoder) throws {} }

    @Test func handwrittenEncodersAndEmptyValues() throws {
        try Self.expectSame(Handwritten())
        try Self.expectSame([Silent(), Silent()])
    }
}
