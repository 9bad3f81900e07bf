import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct YAMLWriterTests {
    @Test func quotingEscapesEverythingThatCouldChangeMeaning() {
        #expect(YAMLWriter.quote("plain") == #""plain""#)
        #expect(YAMLWriter.quote("a\"b\\c") == #""a\"b\\c""#)
        #expect(YAMLWriter.quote("line\nnext\ttab") == #""line\nnext\ttab""#)
        #expect(YAMLWriter.quote("bell\u{07}") == #""bell\u0007""#)
        #expect(YAMLWriter.quote("sep\u{2028}") == #""sep\L""#)
    }

    /// The byte scanners against the scalar rules they stand for, on every scalar of the planes
    /// that matter, alone, after other text and inside a block.
    @Test func byteScannersAgreeWithTheScalarRules() {
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
        }
        var disagreements: [String] = []
        for value in Array(0...0x3000) + Array(0xE000...0x10100) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(Character(scalar))
            let quoteOrBackslash = scalar == "\"" || scalar == "\\"
            if YAMLWriter.needsEscape(text) != (escaped(scalar) || quoteOrBackslash)
                || YAMLWriter.needsEscape("é" + text + "x") != (escaped(scalar) || quoteOrBackslash) {
                disagreements.append("needsEscape U+\(String(value, radix: 16))")
            }
            let fits = !escaped(scalar) || scalar == "\n"
            if YAMLWriter.fitsLiteralBlock("line é" + text + "x\nend\n") != fits {
                disagreements.append("fitsLiteralBlock U+\(String(value, radix: 16))")
            }
        }
        #expect(disagreements == [])
    }

    @Test func literalBlocksOnlyWhenTheTextSurvivesThem() {
        #expect(YAMLWriter.fitsLiteralBlock("a\nb\n"))
        #expect(!YAMLWriter.fitsLiteralBlock("no newline"))
        #expect(!YAMLWriter.fitsLiteralBlock("two\n\n"))
        #expect(!YAMLWriter.fitsLiteralBlock(" leading\n"))
        #expect(!YAMLWriter.fitsLiteralBlock("trailing \n"))
        #expect(!YAMLWriter.fitsLiteralBlock("tab\there\n"))
    }

    @Test func layoutOfListsOfMapsAndComments() {
        let node = YAMLNode.list([
            .commented(.map([("name", .string("x")), ("ansible.builtin.debug", .map([("msg", .string("hi"))]))]), "noqa: rule"),
            .map([("name", .string("y")), ("items", .list([])), ("when", .expression(["a", "| b"]))]),
        ])
        #expect(YAMLWriter.document(node, header: ["head"]) == """
            # head
            ---
            - name: "x"  # noqa: rule
              ansible.builtin.debug:
                msg: "hi"
            - name: "y"
              items: []
              when: >-
                a
                | b

            """)
    }

    @Test func layoutOfNestedListsCommentedItemsAndBlocks() {
        let node = YAMLNode.map([
            ("nested", .list([.list([.int(1), .list([.bool(true)])]), .commented(.word("present"), "noqa: a"), .map([])])),
            ("deep", .commented(.list([.commented(.map([("k", .list([.string("v")]))]), "noqa: b")]), "noqa: c")),
            ("text", .unsafeString("line one\n  indented\n\nlast\n")),
            ("empty", .expression([])),
        ])
        #expect(YAMLWriter.document(node) == """
            ---
            nested:
              - - 1
                - - true
              - present  # noqa: a
              - {}
            deep:
              - k:  # noqa: b  # noqa: c
                  - "v"
            text: !unsafe |
              line one
                indented

              last
            empty: >-


            """)
    }

    /// Lines indented a line at a time, against the byte-at-a-time rule: every line but empty ones gets
    /// the pad, and the text's last byte (its final newline) is left out.
    @Test func indentedLinesMatchTheByteRule() {
        func reference(_ text: String, pad: String) -> String {
            var out: [UInt8] = []
            var atLineStart = true
            for byte in text.utf8.dropLast() {
                if byte == 0x0A { out.append(byte); atLineStart = true; continue }
                if atLineStart { out += pad.utf8 }
                atLineStart = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
        for text in ["", "\n", "a\n", "a\nb\n", "a\n\nb\n", "a\n\n", "\n\na\n", "no newline", "ünï\ncødé\n", "x\n  y\n\n\nz\n"] {
            #expect(YAMLWriter.indentedLines(text, pad: "    ") == reference(text, pad: "    "), "\(Array(text.utf8))")
        }
    }

    /// PyYAML (which Ansible uses) reads back exactly the values written.
    @Test func pythonYAMLReadsBackTheSameValues() throws {
        let values = ["plain", "it's \"quoted\"", "multi\nline\n", "  leading spaces\n", "tab\tand trailing \n", "{{ not_templated }}",
                      "#notacomment", "yes", "null", "- dash", "ünïcødé", "bell\u{07}", "sep\u{2028}x", "a: b", "ends\n\n"]
        let node = YAMLNode.map(values.enumerated().map { ("k\($0.offset)", $0.offset.isMultiple(of: 2) ? .string($0.element) : .unsafeString($0.element)) })
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.yml")
        try YAMLWriter.document(node).write(to: file, atomically: true, encoding: .utf8)
        let program = """
            import json, sys, yaml
            yaml.SafeLoader.add_constructor('!unsafe', lambda loader, node: loader.construct_scalar(node))
            print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))
            """
        let result = try #require(try PlanTools.run("python3", ["-c", program, file.path]))
        #expect(result.status == 0, "\(result.output)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String]
        let expected = Dictionary(uniqueKeysWithValues: values.enumerated().map { ("k\($0.offset)", $0.element) })
        #expect(parsed == expected)
    }
}
