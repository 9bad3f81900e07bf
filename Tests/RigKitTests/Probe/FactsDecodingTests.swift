import Foundation
import Testing
@testable import RigText
@testable import RigSystem
@testable import RigProbe
@testable import RigKit

/// `Facts.decode` reads with `JSONValueDecoder` first and falls back to `JSONDecoder`: the fast path
/// must decode exactly what JSONDecoder decodes, and leave to it everything it is not sure of, so
/// every result and every error message stays JSONDecoder's.
@Suite struct FactsDecodingTests {
    /// Every recorded facts file of the repository's machines, and the replayed host's expected facts.
    static func recordedFiles() throws -> [Data] {
        let logs = AuditSamples.repository + "/build-logs"
        let machines = try FileManager.default.contentsOfDirectory(atPath: logs).sorted()
        let files = machines.map { "\(logs)/\($0)/facts.json" }.filter { FileManager.default.fileExists(atPath: $0) }
        return try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } + [Fixture.data("hosts/h100-device/expected-facts.json")]
    }

    @Test func theFastPathDecodesWhatJSONDecoderDecodes() throws {
        let files = try Self.recordedFiles()
        #expect(files.count >= 6)
        for data in files {
            let fast = try JSONValueDecoder.decode(Facts.self, from: JSONValue.parse(data))
            #expect(fast == (try JSONDecoder().decode(Facts.self, from: data)))
            #expect(try Facts.decode(data) == fast)
        }
    }

    /// What only JSONDecoder takes (an integer written `8.0` or `1e3`), what it refuses (null for a
    /// value, a string for a number, a number that underflows or overflows) and what it decides
    /// itself (a repeated key): the fast path gives up on each, so the result or the error is
    /// JSONDecoder's, word for word. A byte order mark, which JSONValue skips, `Facts.decode` leaves to JSONDecoder.
    @Test func whatTheFastPathDoesNotTakeIsJSONDecoders() throws {
        let texts = [
            #"{"format": 1, "cpu": {"cores": {"value": 8.0}}}"#,
            #"{"format": 1, "memory": {"totalBytes": {"value": 1e3}}}"#,
            #"{"format": 1, "format": 2}"#,
            #"{"format": 1, "cpu": {"maxFrequencyMHz": {"value": 1e-400}}}"#,
            #"{"format": 1, "cpu": {"maxFrequencyMHz": {"value": 1e400}}}"#,
            #"{"format": 1, "memory": {"totalBytes": {"value": -1}}}"#,
            #"{"format": 1, "memory": {"totalBytes": {"value": 18446744073709551616}}}"#,
            #"{"format": null}"#,
            #"{"format": "1"}"#,
            #"{"format": 1, "hostname": {}}"#,
            #"{"format": 1, "gpus": {"value": [{"busID": "0000:01:00.0"}]}}"#,
        ]
        for text in texts {
            let data = Data(text.utf8)
            #expect(throws: (any Error).self, "\(text)") { try JSONValueDecoder.decode(Facts.self, from: JSONValue.parse(data)) }
            #expect(Self.outcome { try Facts.decode(data) } == Self.outcome { try JSONDecoder().decode(Facts.self, from: data) }, "\(text)")
        }
        // JSONValue skips a byte order mark; whether JSONDecoder does is its own business, so `Facts.decode` leaves it to it.
        for text in ["\u{FEFF}{\"format\": 1}", "\u{FEFF}{\"format\": 1, \"hostname\": {\"value\": \"x\"}}"] {
            let data = Data(text.utf8)
            #expect(Self.outcome { try Facts.decode(data) } == Self.outcome { try JSONDecoder().decode(Facts.self, from: data) }, "\(text)")
        }
    }

    /// The facts decoded, or the error as it is printed.
    static func outcome(_ decode: () throws -> Facts) -> String {
        do { return "decoded \(try decode())" } catch { return "error \(error)" }
    }

    @Test func scalarsAndCollectionsDecodeAsJSONDecoderReadsThem() throws {
        struct Sample: Codable, Equatable {
            var text: String
            var count: Int
            var small: Int8
            var big: UInt64
            var ratio: Double
            var single: Float
            var flag: Bool
            var absent: String?
            var null: Int?
            var list: [Int?]
            var nested: [[String: Double]]
        }
        let text = #"{"text": "a\"b\\u00e9😀", "count": -5, "small": 127, "big": 18446744073709551615, "ratio": 0.1, "single": 2.5,"#
            + #" "flag": true, "null": null, "list": [1, null, 3], "nested": [{"x": 0, "y": -0.0}], "extra": [1, {"z": []}]}"#
        let fast = try JSONValueDecoder.decode(Sample.self, from: JSONValue.parse(text))
        #expect(fast == (try JSONDecoder().decode(Sample.self, from: Data(text.utf8))))
        #expect(fast.text == "a\"b\\u00e9😀")
        #expect(throws: JSONValueDecoder.Unsupported.self) { 
            try JSONValueDecoder.decode(Sample.self, from: JSONValue.parse(text.replacingOccurrences(of: #""small": 127"#, with: #""small": 128"#)))
        }
    }
}

/// `Facts.jsonData()` writes with `JSONTextEncoder`: every recorded facts file comes back byte for
/// byte, and JSONEncoder writes the same bytes.
@Suite struct FactsEncodingTests {
    @Test func recordedFactsAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        for data in try FactsDecodingTests.recordedFiles() {
            let facts = try Facts.decode(data)
            var expected = try encoder.encode(facts)
            expected.append(0x0A)
            #expect(try facts.jsonData() == expected)
        }
    }
}
