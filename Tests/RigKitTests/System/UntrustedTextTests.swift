import Testing
@testable import RigSystem

/// `UntrustedText.isPlain`'s eight-bytes-at-once path: the same answer as the byte-by-byte scan for every
/// byte in every lane, and for every escaped scalar wherever it falls in a long line.
@Suite struct UntrustedTextTests {
    @Test func printableASCIIWordsAgreeWithTheirBytes() {
        var disagreements: [String] = []
        for lane in 0..<8 {
            for value in 0...255 {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: 8)
                bytes[lane] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                if UntrustedText.isPrintableASCII(word) != (0x20...0x7E).contains(value) {
                    disagreements.append("byte \(value) in lane \(lane)")
                }
            }
        }
        #expect(disagreements == [])
        // Neighbouring lanes that a borrow could carry between.
        for pair: [UInt8] in [[0x00, 0x20], [0x20, 0x1F], [0x7F, 0x7E], [0x7E, 0x80], [0x1F, 0x00], [0xFF, 0x20]] {
            let word = (pair + Array(repeating: UInt8(ascii: " "), count: 6)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(UntrustedText.isPrintableASCII(word) == pair.allSatisfy { (0x20...0x7E).contains($0) }, "\(pair)")
        }
    }

    @Test func lineBreakLanesAreExact() {
        var disagreements: [String] = []
        for lane in 0..<8 {
            for value in 0...255 {
                for neighbour: UInt8 in [0x00, 0x09, 0x0A, 0x0B, 0x61, 0x80, 0xFF] {
                    var bytes = Array(repeating: neighbour, count: 8)
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = bytes.map { $0 == 0x0A || $0 == 0x09 ? $0 | 0x20 : $0 }.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    if UntrustedText.lineBreaksAsPrintable(word) != expected { disagreements.append("byte \(value) in lane \(lane) among \(neighbour)") }
                }
            }
        }
        #expect(disagreements == [])
    }

    @Test func anEscapedScalarIsFoundAtEveryOffsetOfALongLine() {
        let escaped: [Unicode.Scalar] = ["\u{0}", "\u{1B}", "\r", "\n", "\t", "\u{7F}", "\u{85}", "\u{9F}", "\u{200E}", "\u{2028}",
                                         "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{FFFF}"]
        var misses: [String] = []
        for scalar in escaped {
            for offset in 0..<24 {
                let text = String(repeating: "x", count: offset) + String(Character(scalar)) + String(repeating: "y", count: 24 - offset)
                let lineBreak = scalar == "\n" || scalar == "\t"
                if UntrustedText.isPlain(text) || UntrustedText.isPlain(text, allowingLineBreaks: true) != lineBreak {
                    misses.append("U+\(String(scalar.value, radix: 16)) at \(offset)")
                }
            }
        }
        #expect(misses == [])
        #expect(UntrustedText.isPlain(String(repeating: "plain ASCII text, é and → too. ", count: 100)))
    }
}
