import Testing
@testable import RigSystem
@testable import RigAudit

/// The byte-level escapers against the scalar-at-a-time rules they replace.
@Suite struct TextEscapingTests {
    /// Printable ASCII, the XML specials, every C0 control, C1 controls, the line separators,
    /// U+FFFE/U+FFFF and their neighbours, non-ASCII letters and a 4-byte scalar.
    static let samples: [String] = {
        var texts = ["", "plain", "a&b<c>d\"e'f", "tab\tline\nreturn\r", "ünïcødé → ≥ 1 …", "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}",
                     "\u{EFBF}x", "emoji 😀 end", "\u{85}\u{2028}\u{2029}", "ends with \u{FFFF}", "\u{0}\u{7F}\u{9F}"]
        texts.append(String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self))
        texts.append(String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }))
        return texts
    }()

    /// JUnit escaping as it was written scalar by scalar.
    static func referenceXMLEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if JUnitReport.isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) } else { out += "\\u{" + String(scalar.value, radix: 16) + "}" }
            }
        }
        return out
    }

    @Test func junitEscapingMatchesTheScalarRules() {
        for text in Self.samples {
            #expect(JUnitReport.escape(text) == Self.referenceXMLEscape(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func needsEscapingIsExactlyWhatEscapeChanges() {
        let ranges: [ClosedRange<UInt32>] = [0...0x3000, 0xD000...0xD7FF, 0xE000...0x10100, 0x10FF00...0x10FFFF]
        var disagreements: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if UntrustedText.needsEscaping(scalar) != (UntrustedText.escape(scalar) != String(scalar)) { disagreements.append("U+\(String(value, radix: 16))") }
            }
        }
        #expect(disagreements == [])
    }

    /// `isPlain` reads bytes; it must agree with `needsEscaping` on every scalar, alone and between
    /// other text (so a scalar's bytes are found wherever they fall), with and without line breaks allowed.
    @Test func isPlainAgreesWithNeedsEscaping() {
        let ranges: [ClosedRange<UInt32>] = [0...0x3000, 0xD000...0xD7FF, 0xE000...0x10100, 0x10FF00...0x10FFFF]
        var disagreements: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(Character(scalar))
                let escaped = UntrustedText.needsEscaping(scalar)
                let lineBreak = scalar == "\n" || scalar == "\t"
                if UntrustedText.isPlain(text) == escaped || UntrustedText.isPlain("ab" + text + "é") == escaped
                    || UntrustedText.isPlain(text, allowingLineBreaks: true) == (escaped && !lineBreak) {
                    disagreements.append("U+\(String(value, radix: 16))")
                }
            }
        }
        #expect(disagreements == [])
        #expect(UntrustedText.isPlain("ünïcødé → ≥ 1 … 😀"))
        #expect(!UntrustedText.isPlain("line\nbreak"))
        #expect(UntrustedText.isPlain("line\nbreak\ttab", allowingLineBreaks: true))
        #expect(!UntrustedText.isPlain("x\u{202E}y", allowingLineBreaks: true))
    }

    /// `escaped` returns plain text as it is only when it fits the limit; longer text is cut with `…`.
    @Test func escapedKeepsThePlainFastPathExact() {
        for text in Self.samples + ["\u{1B}[31mred", String(repeating: "é", count: 300)] {
            var reference = ""
            for (count, scalar) in text.unicodeScalars.enumerated() {
                if count >= 200 { reference += "…"; break }
                reference += UntrustedText.escape(scalar)
            }
            #expect(UntrustedText.escaped(text) == reference, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(UntrustedText.escaped(String(repeating: "a", count: 201)) == String(repeating: "a", count: 200) + "…")
        #expect(UntrustedText.escaped(String(repeating: "a", count: 200)) == String(repeating: "a", count: 200))
    }
}
