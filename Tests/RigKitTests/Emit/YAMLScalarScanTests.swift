import Testing
@testable import RigEmit

/// `YAMLScalarScan` reads eight bytes at a time: every special scalar at every offset around a word
/// boundary, against the scalar-at-a-time rules it stands for.
@Suite struct YAMLScalarScanTests {
    /// `YAMLWriter.quote` as it was written a scalar at a time.
    static func referenceQuote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) || scalar.value == 0xfeff {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether a clipped literal block keeps `text`, a scalar at a time.
    static func referenceFits(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.last == "\n", scalars[scalars.count - 2] != "\n", scalars[0] != " ", scalars[0] != "\n" else { return false }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" { if index > 0 && scalars[index - 1] == " " { return false }; continue }
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) || [0x2028, 0x2029, 0xFEFF].contains(value) { return false }
        }
        return true
    }

    static let specials: [String] = ["\"", "\\", "\n", "\t", "\r", "\u{0}", "\u{1b}", "\u{7f}", "\u{80}", "\u{85}", "\u{9f}", "\u{a0}",
                                     "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202a}", "\u{feff}", "\u{fefe}", "✓", "😀", " ", "#", ":"]

    @Test func quotingAgreesAtEveryOffset() {
        var disagreements: [String] = []
        for special in Self.specials {
            for before in 0...17 {
                for after in [0, 1, 7, 8, 9] {
                    let text = String(repeating: "a", count: before) + special + String(repeating: "b", count: after)
                    if YAMLWriter.quote(text) != Self.referenceQuote(text) { disagreements.append("quote \(text.debugDescription)") }
                    let escapes = Self.referenceQuote(text) != "\"" + text + "\""
                    if YAMLWriter.needsEscape(text) != escapes { disagreements.append("needsEscape \(text.debugDescription)") }
                }
            }
        }
        #expect(disagreements == [])
    }

    @Test func literalBlocksAgreeAtEveryOffset() {
        var disagreements: [String] = []
        for special in Self.specials {
            for before in 0...17 {
                for text in [String(repeating: "a", count: before) + special + "x\nend\n",
                             "first line\n" + String(repeating: "a", count: before) + special + "\n",
                             String(repeating: "a", count: before) + special + "\n",
                             special + String(repeating: "a", count: before) + "\n"] {
                    if YAMLWriter.fitsLiteralBlock(text) != Self.referenceFits(text) { disagreements.append(text.debugDescription) }
                }
            }
        }
        #expect(disagreements == [])
    }

    /// Every string is quoted or a literal block, never plain: no YAML reader can take one for another type.
    @Test func stringsThatReadAsSomethingElseArePlainNowhere() {
        let texts = ["", " ", "  leading", "trailing ", "a: b", "x #y", "#c", "- d", "? q", "[l]", "{m}", "&a", "*b", "!t", "|", ">", "%", "@", "`",
                     "yes", "No", "ON", "off", "y", "n", "true", "null", "~", "12", "-3", "0x1F", "1e3", "22.04", ".inf", "ünï", "bell\u{07}"]
        let node = YAMLNode.map(texts.enumerated().map { ("k\($0.offset)", .string($0.element)) })
        let lines = YAMLWriter.document(node).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, text) in texts.enumerated() {
            #expect(lines[index + 1] == "k\(index): " + Self.referenceQuote(text))
        }
    }

    @Test func keysArePlainOnlyWhenTheyAreNames() {
        let node = YAMLNode.map([("ansible.builtin.copy", .bool(true)), ("_x9", .int(-12)), ("9lives", .int(Int.min)),
                                 ("a key", .int(0)), ("", .int(Int.max)), ("k\"ey", .word("present"))])
        #expect(YAMLWriter.document(node) == """
            ---
            ansible.builtin.copy: true
            _x9: -12
            "9lives": \(Int.min)
            "a key": 0
            "": \(Int.max)
            "k\\"ey": present

            """)
    }

    /// A buffer grown past its first capacity keeps what it held.
    @Test func bufferGrowsWithoutLosingBytes() {
        var buffer = YAMLByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<200 {
            buffer.append(utf8: "line \(round)")
            buffer.appendSpaces(round % 5)
            buffer.append(0x0A)
            expected += Array("line \(round)".utf8) + Array(repeating: 0x20, count: round % 5) + [0x0A]
        }
        #expect(buffer.bytes == expected)
    }
}

@Suite struct AnsibleEmitterLastSlashTests {
    /// The byte search finds the slash the Character search does, and slices the same.
    @Test func lastSlashAgreesWithTheCharacterSearch() {
        for path in ["", "/", ".bashrc", ".config/tmux/tmux.conf", "a/b/", "/x", "dir/ünï", "é/x/\u{301}y", "a/\u{301}b", "cr\r\n/lf"] {
            let slash = AnsibleEmitter.lastSlash(path)
            #expect(slash == path.lastIndex(of: "/"), "\(path.debugDescription)")
            if let slash {
                #expect(String(path[..<slash]) == String(path[..<path.lastIndex(of: "/")!]))
                #expect(String(path[path.index(after: slash)...]) == String(path[path.index(after: path.lastIndex(of: "/")!)...]))
            }
        }
    }
}
