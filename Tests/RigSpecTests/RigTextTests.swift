import Testing
@testable import RigText

/// The Foundation-free helpers behave like the Foundation calls they replace.
@Suite struct RigTextTests {
    @Test func trimmingUsesFoundationsCharacterSets() {
        #expect(" \t x y \t".trimmed(.whitespaces) == "x y")
        #expect("\u{00A0}\u{3000}x\u{2003}".trimmed(.whitespaces) == "x")   // Zs: no-break, ideographic, em space
        #expect("\nx\n".trimmed(.whitespaces) == "\nx\n")                    // newlines are not whitespaces
        #expect("\r\n x\u{2028}\u{85}".trimmed(.newlines) == " x")
        #expect(" \r\nx \n".trimmed(.whitespacesAndNewlines) == "x")
        #expect(" \n\t ".trimmed(.whitespacesAndNewlines) == "")
        #expect("".trimmed(.whitespaces) == "")
        #expect("a b"[...].trimmed(.whitespaces) == "a b")
    }

    @Test func pathComponentsFollowNSStringsRules() {
        let cases: [(path: String, last: String, parent: String)] = [
            ("machines/stacks/ml-base.yaml", "ml-base.yaml", "machines/stacks"),
            ("a/b/", "b", "a"), ("a", "a", ""), ("/a", "a", "/"), ("/", "/", "/"), ("", "", ""),
            ("a//b", "b", "a"), ("///", "/", "/"), ("/x/y.yaml", "y.yaml", "/x"),
            ("//a", "a", "/"), ("a//", "a", ""), ("/a//b//", "b", "/a"),
        ]
        // Each ASCII case again with a non-ASCII name in front (the character walk, not the byte scan).
        for c in cases where !c.path.isEmpty && !c.path.hasPrefix("/") && c.parent != "" {
            #expect(PathText.lastComponent("é" + c.path) == c.last, "lastComponent(é\(c.path))")
            #expect(PathText.deletingLastComponent("é" + c.path) == "é" + c.parent, "deletingLastComponent(é\(c.path))")
        }
        // A combining mark after '/' makes one character that is not '/' (no byte scan could tell).
        #expect(PathText.lastComponent("a/\u{301}b") == "a/\u{301}b")
        #expect(PathText.deletingLastComponent("a/\u{301}b") == "")
        for c in cases {
            #expect(PathText.lastComponent(c.path) == c.last, "lastComponent(\(c.path))")
            #expect(PathText.deletingLastComponent(c.path) == c.parent, "deletingLastComponent(\(c.path))")
        }
    }

    @Test func cFormatFormatsNumbers() {
        #expect(String(cFormat: "%.1f", 3.14159) == "3.1")
        #expect(String(cFormat: "%.2f s", 0.5) == "0.50 s")
        #expect(String(cFormat: "%g", 0.25) == "0.25")
        #expect(String(cFormat: "%08x", UInt32(255)) == "000000ff")
        #expect(String(cFormat: "%04o", 0o644) == "0644")
        #expect(String(cFormat: "%02llx:%02llx:%llu", UInt64(8), UInt64(1), UInt64(1234)) == "08:01:1234")
        // Longer than the first buffer: the second pass gets every character.
        #expect(String(cFormat: "%0100d", 7) == String(repeating: "0", count: 99) + "7")
    }

    @Test func utcTimestamps() {
        #expect(UTCTime.compact(secondsSince1970: 0) == "19700101T000000Z")
        #expect(UTCTime.compact(secondsSince1970: 1_795_367_700.9) == "20261122T171500Z")
        #expect(UTCTime.iso8601(secondsSince1970: 1_795_367_700) == "2026-11-22T17:15:00Z")
        // Values no calendar holds give the epoch, never a trap.
        #expect(UTCTime.iso8601(secondsSince1970: .infinity) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.compact(secondsSince1970: 1e300).hasSuffix("Z"))
    }

    @Test func jsonReadsDocuments() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\"\\\/\n\u00e9\ud83d\ude00"}, "a": 0}"#)
        #expect(value["a"] == .number("0"))   // a repeated key: the last one wins on lookup
        #expect(value.members?.count == 3)
        #expect(value["b"]?["c"]?.string == "x\"\\/\né😀")
        #expect(try JSONValue.parse(" [ ] ") == .array([]))
        #expect(try JSONValue.parse("\u{FEFF}{}") == .object([]))
        #expect(try JSONValue.parse("\"\"") == .string(""))
    }

    @Test func jsonNumbersKeepTheirText() throws {
        #expect(try JSONValue.parse("18446744073709551615").uint64 == UInt64.max)
        #expect(try JSONValue.parse("5.0").uint64 == 5)
        #expect(try JSONValue.parse("5e3").uint64 == 5000)
        #expect(try JSONValue.parse("-5").uint64 == nil)
        #expect(try JSONValue.parse("1.5").uint64 == nil)
        #expect(try JSONValue.parse("1e30").uint64 == nil)
        #expect(try JSONValue.parse("1e30").numberText == "1e30")
        #expect(try JSONValue.parse("0.125").double == 0.125)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", ".5", "+1", "1e", "\"a", "\"\u{01}\"", "\"\\x\"", "\"\\u12\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "tru", "nul", "[1] 2", "{1: 2}", "{\"a\" 1}", "[1 2]", "NaN",
    ])
    func jsonRejectsWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONValue.SyntaxError.self, "\(text.debugDescription)") { try JSONValue.parse(text) }
    }

    @Test func jsonRejectsInvalidUTF8AndDeepNesting() throws {
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
        let bomb = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.SyntaxError(offset: 256, reason: "nesting deeper than 256 levels")) { try JSONValue.parse(bomb) }
        #expect(try JSONValue.parse(String(repeating: "[", count: 256) + String(repeating: "]", count: 256)).array?.count == 1)
    }

    @Test func jsonWritesPrettySortedText() throws {
        let value = JSONValue.object([("b", .array([.number("1"), .bool(false)])), ("a", .string("q\"\\/\u{1}é")), ("e", .object([])), ("d", .array([]))])
        #expect(value.prettyText() == """
            {
              "a" : "q\\"\\\\/\\u0001é",
              "b" : [
                1,
                false
              ],
              "d" : [],
              "e" : {}
            }
            """)
        // What is written reads back as the same value (members sorted).
        let back = try JSONValue.parse(value.prettyText())
        #expect(back["a"] == value["a"] && back["b"] == value["b"])
    }
}

@Suite struct ReplacingEveryTests {
    @Test func replacesByteSequencesNotCharacters() {
        #expect("a\r\nb".replacingEvery("\r", with: "%0D").replacingEvery("\n", with: "%0A") == "a%0D%0Ab")
        #expect("Intel(R) Core(TM)".replacingEvery("(R)", with: " ") == "Intel  Core(TM)")
        #expect("aaa".replacingEvery("aa", with: "b") == "ba")
        #expect("x®y".replacingEvery("®", with: "") == "xy")
        #expect("abc".replacingEvery("", with: "z") == "abc")
        #expect("&amp;lt;".replacingEvery("&amp;", with: "&") == "&lt;")
        #expect("ab"[...].replacingEvery("b", with: "c") == "ac")
    }
}
