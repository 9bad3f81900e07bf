import Testing
@testable import RigSpec

@Suite struct YAMLReaderTests {
    private func read(_ text: String) -> YAMLReader.Result { YAMLReader.read(text, file: "f.yaml") }

    private func messages(_ result: YAMLReader.Result) -> [String] { result.diagnostics.map(\.description) }

    private func pairs(_ tree: YAMLTree?) -> [YAMLPair] {
        if case .mapping(let pairs)? = tree?.value { return pairs }
        return []
    }

    @Test func marksAreOneBasedLinesAndCharacterColumns() throws {
        let result = read("a: 1\nb:\n  - x\n  - { c: d }\né: 'v'\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.location.description == "f.yaml:1:1")
        let top = pairs(root)
        #expect(top.map(\.key.location.description) == ["f.yaml:1:1", "f.yaml:2:1", "f.yaml:5:1"])
        guard case .sequence(let items) = top[1].value.value else { Issue.record("b is not a list"); return }
        #expect(top[1].value.location.description == "f.yaml:3:3")
        #expect(items.map(\.location.description) == ["f.yaml:3:5", "f.yaml:4:5"])
        #expect(pairs(items[1]).first?.key.location.description == "f.yaml:4:7")
        // Columns count characters, not bytes: 'é' is one column (two UTF-8 bytes).
        #expect(top[2].value.location.description == "f.yaml:5:4")
        #expect(top[2].value.value == .scalar("v", plain: false))
        #expect(top[0].value.value == .scalar("1", plain: true))
    }

    @Test func everyDuplicateKeyIsReportedAtItsSecondOccurrenceAndTheFirstValueStays() {
        let result = read("a: 1\nb: 2\na: 3\nnested: { b: x, b: y }\nb: 4\n")
        #expect(messages(result) == [
            "f.yaml:3:1: error: duplicate key 'a' in the same mapping",
            "f.yaml:4:17: error: duplicate key 'b' in the same mapping",
            "f.yaml:5:1: error: duplicate key 'b' in the same mapping",
        ])
        let top = pairs(result.root)
        #expect(top.map(\.key.scalar) == ["a", "b", "nested"])
        #expect(top.map(\.value.scalar) == ["1", "2", nil])
    }

    @Test func duplicatesInLongMappingsAreFoundToo() {
        let keys = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n")
        let result = read(keys + "\nk3: again\nk39: again\n")
        #expect(messages(result) == [
            "f.yaml:41:1: error: duplicate key 'k3' in the same mapping",
            "f.yaml:42:1: error: duplicate key 'k39' in the same mapping",
        ])
        #expect(pairs(result.root).count == 40)
    }

    @Test func aliasesRepeatTheAnchoredNodeWithItsLocation() {
        let result = read("x: &list [1, 2]\ny: *list\nz: &s text\nw: *s\n")
        #expect(result.diagnostics.isEmpty)
        let top = pairs(result.root)
        #expect(top[1].value == top[0].value)
        #expect(top[1].value.location.description == "f.yaml:1:4")
        #expect(top[3].value.scalar == "text")
    }

    @Test func anUndefinedAliasIsALocatedError() {
        #expect(messages(read("a: 1\nb: *nowhere\n")) == ["f.yaml:2:4: error: YAML syntax: found undefined alias '*nowhere'"])
    }

    @Test func tagsAreHonouredOrRefusedNeverIgnored() {
        let strings = read("a: !!str 22.04\nb: ! 570\nc: !!int 12\nd: !!map { k: v }\n")
        #expect(strings.diagnostics.isEmpty)
        let values = pairs(strings.root).map(\.value)
        #expect(values[0].resolvedKind == .string && values[0].scalar == "22.04")
        #expect(values[1].resolvedKind == .string)
        #expect(values[2].resolvedKind == .int)

        let refused = read("a: !!binary aGVsbG8=\nb: !custom x\nc: !!int twelve\nd: !!seq { k: v }\ne: !!python/object:os.system [ls]\n")
        #expect(messages(refused) == [
            "f.yaml:1:4: error: YAML tag '!!binary' is not supported in a spec",
            "f.yaml:2:4: error: YAML tag '!custom' is not supported in a spec",
            "f.yaml:3:4: error: 'twelve' is not a valid !!int",
            "f.yaml:4:4: error: YAML tag '!!seq' is not supported in a spec",
            "f.yaml:5:4: error: YAML tag '!!python/object:os.system' is not supported in a spec",
        ])
    }

    @Test func aSpecIsOneDocument() {
        #expect(messages(read("a: 1\n---\nb: 2\n")) == ["f.yaml:2:1: error: YAML syntax: a spec is one YAML document; another one starts here"])
        #expect(read("# only a comment\n").root == nil)
        #expect(read("").diagnostics.isEmpty)
    }

    @Test func bytesThatAreNotUTF8AreLocated() {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xFF] + Array("\n".utf8)
        let result = bytes.withUnsafeBufferPointer { YAMLReader.read(bytes: $0, file: "f.yaml") }
        #expect(result.root == nil)
        #expect(messages(result).first?.hasPrefix("f.yaml:2:5: error: not UTF-8 YAML text: invalid leading UTF-8 octet") == true)
    }

    @Test func mergeKeysAreNotASpecFeature() {
        guard case .failure(let error) = TestFixtures.load(TestFixtures.minimal + "\nbase: &b { role: headless }\n<<: *b\n") else {
            Issue.record("a merge key loaded")
            return
        }
        #expect(error.diagnostics.map(\.description).contains("/specs/box.yaml:4:1: error: unknown key 'base'"))
        #expect(error.diagnostics.map(\.description).contains("/specs/box.yaml:5:1: error: unknown key '<<'"))
    }

    @Test func controlCharactersInASpecDoNotReachTheTerminal() {
        guard case .failure(let error) = TestFixtures.load("version: 1\nhostname: \"\\e[31mred\\r\"\nos: { distro: ubuntu, release: \"22.04\" }\n") else {
            Issue.record("a hostname with an escape loaded")
            return
        }
        let message = error.diagnostics.map(\.message).joined()
        #expect(message.contains("'\\u{1b}[31mred\\u{d}' is not a hostname"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func plainScalarsResolveByTheCoreSchema() {
        let cases: [(String, ScalarKind)] = [
            ("", .null), ("~", .null), ("null", .null), ("NULL", .null), ("true", .bool), ("False", .bool),
            ("yes", .string), ("on", .string), ("12", .int), ("-12", .int), ("+0", .int), ("0x1F", .int), ("0o17", .int),
            ("0x", .string), ("0o8", .string), ("22.04", .float), ("1e3", .float), ("-1.5E-3", .float), (".5", .float),
            ("-.inf", .float), (".NaN", .float), ("1.2.3", .string), ("1_000", .string), ("e3", .string), ("\u{FF11}", .string),
            ("570", .int), ("12.8", .float), ("3.2a-4", .string), ("#0b2540", .string),
        ]
        for (text, kind) in cases { #expect(ScalarKind.resolve(text) == kind, "\(text)") }
    }
}
