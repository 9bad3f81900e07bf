import Foundation
import Testing
@testable import RigText
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigKit

/// `FactsReader` decodes straight from the bytes: it must give what the Codable path gives, and give
/// up wherever `JSONValueDecoder` gives up, so `Facts.decode` keeps every result and error.
@Suite struct FactsReaderTests {
    /// FactsReader's facts, or nil where it gives up.
    static func direct(_ data: Data) -> Facts? { try? FactsReader.facts(Array(data)) }

    /// JSONValueDecoder's facts (the Codable fast path), or nil where it gives up.
    static func codable(_ data: Data) -> Facts? {
        guard let value = try? JSONValue.parse(data) else { return nil }
        return try? JSONValueDecoder.decode(Facts.self, from: value)
    }

    /// Each record type's key list names exactly its stored properties (the synthesized `Decodable` keys):
    /// a property added to a type but not to its list would be skipped as an unknown key, and dropped.
    /// The types are reached through the recorded files, so a type none of them holds is reported.
    @Test func everyKeyListNamesEveryStoredProperty() throws {
        let keys: [String: [StaticString]] = [
            "Facts": Facts.keys, "OSFacts": OSFacts.keys, "CPUFacts": CPUFacts.keys, "MemoryFacts": MemoryFacts.keys,
            "DIMMFacts": DIMMFacts.keys, "GPUFacts": GPUFacts.keys, "PCIeLinkFacts": PCIeLinkFacts.keys,
            "NvidiaDriverFacts": NvidiaDriverFacts.keys, "CUDAFacts": CUDAFacts.keys, "CUDAToolkitFacts": CUDAToolkitFacts.keys,
            "DiskFacts": DiskFacts.keys, "BoardFacts": BoardFacts.keys, "FirmwareFacts": FirmwareFacts.keys,
            "PackageFacts": PackageFacts.keys, "DriverHealthFacts": DriverHealthFacts.keys, "DKMSModuleFacts": DKMSModuleFacts.keys,
            "PythonFacts": PythonFacts.keys, "ContainerFacts": ContainerFacts.keys, "ROCmFacts": ROCmFacts.keys, "ChipFacts": ChipFacts.keys,
        ]
        var checked: Set<String> = []
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            let name = String(describing: type(of: value))
            if mirror.displayStyle == .struct, let list = keys[name] {
                checked.insert(name)
                #expect(mirror.children.compactMap(\.label).sorted() == list.map(\.description).sorted(), "\(name)")
            }
            for child in mirror.children { walk(child.value) }
        }
        for data in try FactsDecodingTests.recordedFiles() { walk(try JSONDecoder().decode(Facts.self, from: data)) }
        walk(ROCmFacts())   // no recorded file has an AMD or Apple host, or containers
        walk(ContainerFacts())
        walk(ChipFacts())
        #expect(checked == Set(keys.keys), "not reached: \(Set(keys.keys).subtracting(checked).sorted())")
    }

    @Test func everyRecordedFileDecodesAsJSONDecoderDecodesIt() throws {
        let files = try FactsDecodingTests.recordedFiles()
        #expect(files.count >= 6)
        for data in files {
            let facts = try FactsReader.facts(Array(data))
            #expect(facts == (try JSONDecoder().decode(Facts.self, from: data)))
            #expect(facts == Self.codable(data))
        }
    }

    /// Each member of each recorded file removed, made null, made a string, a fraction or an empty
    /// object, or written twice: FactsReader decodes it exactly when JSONValueDecoder does, to the same facts.
    @Test func aChangedMemberIsDecodedOrRefusedAsTheCodablePathDoes() throws {
        var decoded = 0, refused = 0
        for data in try FactsDecodingTests.recordedFiles() {
            for variant in Self.variants(of: try JSONValue.parse(data)) {
                let text = Data(Self.text(variant).utf8)
                let direct = Self.direct(text)
                #expect(direct == Self.codable(text), "\(Self.text(variant))")
                if direct == nil { refused += 1 } else { decoded += 1 }
            }
        }
        #expect(decoded > 100 && refused > 100)
    }

    /// Malformed text, a type JSONDecoder converts, a repeated or escaped key, a key past ASCII, a
    /// deep unknown value: `Facts.decode` ends as JSONDecoder ends, and `RecordedFacts` says the same.
    @Test func whatFactsReaderRefusesEndsAsBefore() throws {
        let texts = [
            #"{"format": 1, "cpu": {"cores": {"value": 8.0}}}"#,
            #"{"format": 1, "memory": {"totalBytes": {"value": "lots"}}}"#,
            #"{"format": 1, "format": 2}"#,
            #"{"format": 1, "x": 1, "x": 2}"#,
            "{\"format\": 1, \"h\u{E9}\": 1, \"he\u{301}\": 2}",
            #"{"format": 1, "hostname": {"unknown": "gone", "value": 5}}"#,
            #"{"format": 1, "hostname": {"unknown": null, "value": "a"}}"#,
            #"{"format": 1, "hostname": {"unknown": null}}"#,
            #"{"format": 1, "hostname": {"value": "a", "extra": [1, {"b": null}]}}"#,
            #"{"format": 1, "gpus": {"value": [{"busID": "0000:01:00.0"}]}}"#,
            #"{"format": 1, "packages": {"value": [{"name": "a", "version": "1"}, null]}}"#,
            #"{"format": 1, "packages": null, "casks": {"value": []}}"#,
            #"{"format": 1, "hostname": {"value": "a\"b\\\u00e9"}}"#,
            #"{"format": 1, "hostname": {"value": "a"}"#,
            #"{"format": 1, "hostname": {"value": "a"}} x"#,
            #"{"format": 1, "hostname": {"value": "a\x"}}"#,
            #"{"format": 1 "hostname": {}}"#,
            #"{"format": 01}"#,
            #"{"format": 1,}"#,
            #"[]"#,
            "",
            "{\"format\": 1, \"x\": " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
            "{\"format\": 1, \"x\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}",
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-facts-reader-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        for text in texts {
            let data = Data(text.utf8)
            #expect(Self.direct(data) == Self.codable(data), "\(text)")
            #expect(FactsDecodingTests.outcome { try Facts.decode(data) } == FactsDecodingTests.outcome { try JSONDecoder().decode(Facts.self, from: data) }, "\(text)")
            try data.write(to: URL(fileURLWithPath: file))
            #expect(Self.loadOutcome(file) == Self.codableLoadOutcome(file, data), "\(text)")
        }
        #expect(Self.direct(Data(texts[texts.count - 1].utf8)) != nil)
        #expect(Self.direct(Data(texts[texts.count - 2].utf8)) == nil)
        let reasonWins = #"{"format": 1, "hostname": {"unknown": "gone", "value": 5}}"#
        #expect(Self.direct(Data(reasonWins.utf8)) == Self.direct(Data(#"{"format": 1, "hostname": {"unknown": "gone"}}"#.utf8)))
        // An escaped key FactsReader leaves to JSONValueDecoder, which decodes it.
        for text in [#"{"\u0066ormat": 1, "hostname": {"value": "a"}}"#, #"{"format": 1, "h\u00e9": 1}"#] {
            let data = Data(text.utf8)
            #expect(Self.direct(data) == nil)
            #expect(try Facts.decode(data) == Self.codable(data), "\(text)")
        }
    }

    /// `RecordedFacts.load`'s facts or message.
    static func loadOutcome(_ file: String) -> String {
        do { return "loaded \(String(describing: try RecordedFacts.load(file, system: LiveSystem())))" } catch { return "error \(error)" }
    }

    /// What `RecordedFacts.load` gave before FactsReader: the Codable fast path, else its message.
    static func codableLoadOutcome(_ file: String, _ data: Data) -> String {
        if let facts = codable(data) { return "loaded \(String(describing: Optional(facts)))" }
        return loadOutcome(file)
    }

    /// The document with one change at a time (see `aChangedMemberIsDecodedOrRefusedAsTheCodablePathDoes`);
    /// of an array only its first item is changed.
    static func variants(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let members):
            var out: [JSONValue] = []
            for index in members.indices {
                var without = members
                without.remove(at: index)
                out.append(.object(without))
                var twice = members
                twice.append(members[index])
                out.append(.object(twice))
                for replacement in [JSONValue.null, .string("x"), .number("1.5"), .object([])] + variants(of: members[index].value) {
                    var changed = members
                    changed[index].value = replacement
                    out.append(.object(changed))
                }
            }
            return out
        case .array(let items):
            guard let first = items.first else { return [.array([.null])] }
            return [.array([])] + variants(of: first).map { .array([$0] + items.dropFirst()) }
        default:
            return []
        }
    }

    /// JSON text with members in their order (`prettyText` sorts them, which would hide a repeated key's order).
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .object(let members): return "{" + members.map { "\(text(.string($0.key))):\(text($0.value))" }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        default: return value.prettyText()
        }
    }
}
