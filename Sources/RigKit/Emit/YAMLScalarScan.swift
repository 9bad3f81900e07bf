import RigSystem

/// The byte scanners behind `YAMLWriter`'s choice of a double-quoted scalar or a literal block: they find
/// what a quote must escape and where a literal block's lines end, eight bytes at a time where the bytes are
/// printable ASCII (nearly all of a playbook: theme files, scripts), a byte at a time elsewhere.
enum YAMLScalarScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is zero (exact for "any": the borrow only misplaces which).
    @inline(__always)
    private static func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

    /// Whether every byte of `word` is printable ASCII (0x20…0x7E): the terminal guard's test.
    @inline(__always)
    private static func allPrintable(_ word: UInt64) -> Bool { UntrustedText.isPrintableASCII(word) }

    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// What a double-quoted scalar writes for the scalar that starts at `index`, and how many bytes it spans:
    /// nil when the byte is written as it is. Escaped: backslash, quote, controls, DEL, U+0080…U+009F,
    /// U+2028, U+2029, U+FEFF (`YAMLWriter.quote`'s rules).
    @inline(__always)
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (escape: Escape, length: Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x22: return (.text("\\\""), 1)
        case 0x5C: return (.text("\\\\"), 1)
        case 0x0A: return (.text("\\n"), 1)
        case 0x09: return (.text("\\t"), 1)
        case 0x0D: return (.text("\\r"), 1)
        case ..<0x20, 0x7F: return (.code(UInt32(byte)), 1)
        case 0xC2:
            guard index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) else { return nil }
            return bytes[index + 1] == 0x85 ? (.text("\\N"), 2) : (.code(UInt32(bytes[index + 1])), 2)
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else { return nil }
            return (.text(bytes[index + 2] == 0xA8 ? "\\L" : "\\P"), 3)
        case 0xEF:
            guard index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF else { return nil }
            return (.code(0xFEFF), 3)
        default: return nil
        }
    }

    /// How `escape` writes one scalar: a fixed escape, or `\u` and four lowercase hex digits.
    enum Escape {
        case text(StaticString)
        case code(UInt32)
    }

    /// The index of the first scalar at or after `start` that a double-quoted scalar escapes, or `bytes.count`.
    static func firstEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            while index + 8 <= bytes.count {
                let word = word(bytes, at: index)
                guard allPrintable(word), !hasZero(word ^ (ones &* 0x22)), !hasZero(word ^ (ones &* 0x5C)) else { break }
                index += 8
            }
            // A byte at a time up to the next word boundary (or the end).
            let stop = Swift.min(index + 8, bytes.count)
            while index < stop {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C { index += 1; continue }
                if byte < 0x80 || escape(bytes, at: index) != nil { return index }
                index += 1
            }
            if index >= bytes.count { return bytes.count }
        }
    }

    /// The end of the line that starts at `start` (the index of its newline) when the line can stand in a
    /// clipped literal block as it is: no scalar `escape` would escape (tab and CR included), no space before
    /// the newline. Nil when it cannot, or when no newline follows.
    static func literalLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while true {
            while index + 8 <= bytes.count, allPrintable(word(bytes, at: index)) { index += 8 }
            let stop = Swift.min(index + 8, bytes.count)
            while index < stop {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F { index += 1; continue }
                if byte == 0x0A { return index > start && bytes[index - 1] == 0x20 ? nil : index }
                if byte < 0x80 || escape(bytes, at: index) != nil { return nil }
                index += 1
            }
            if index >= bytes.count { return nil }
        }
    }

    /// The index of the first newline in `start..<end`, or `end`.
    static func newline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        var index = start
        while index + 8 <= end, !hasZero(word(bytes, at: index) ^ (ones &* 0x0A)) { index += 8 }
        while index < end, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// Whether `bytes` survive a clipped literal block (`|`) byte for byte: one final newline (a clipped
    /// block keeps one) after a line that is not empty, no leading space or line break, and every line fits.
    static func fitsLiteralBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard startsLiteralBlock(bytes) else { return false }
        var start = 0
        while start < bytes.count {
            guard let end = literalLineEnd(bytes, from: start) else { return false }
            start = end + 1
        }
        return true
    }

    /// The checks of `fitsLiteralBlock` that need no scan: its first and last bytes.
    @inline(__always)
    static func startsLiteralBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.count - 1] == 0x0A && bytes[bytes.count - 2] != 0x0A && bytes[0] != 0x20 && bytes[0] != 0x0A
    }
}
