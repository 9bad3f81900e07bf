/// Text from outside (tool output, recordings, file contents) made safe to print or embed:
/// control characters become visible escapes, so a carriage return cannot end a comment, an
/// escape sequence cannot drive the terminal, and a 100 MB line cannot become a 100 MB message.
package enum UntrustedText {
    /// `\r`, `\u{1b}` and the other C0/C1 controls (and DEL, U+2028/2029, BOM) as `\r`, `\x1b`, `\u{2028}`;
    /// at most `limit` characters, then `…`.
    package static func escaped(_ text: some StringProtocol, limit: Int = 200) -> String {
        // Most text has nothing to escape and fits: one pass over the bytes says so (reports pass every value here).
        if text.utf8.count <= limit && isPlain(text) { return String(text) }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { result += "…"; break }
            count += 1
            result += escape(scalar)
        }
        return result
    }

    /// One scalar as it may be printed.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        case 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default: return String(scalar)
        }
    }

    /// Whether no scalar of `text` is one `escape` changes (with `allowingLineBreaks`, newlines and
    /// tabs count as plain), read over the UTF-8 bytes: each escaped scalar above U+007F has a
    /// fixed byte sequence, so nothing needs decoding.
    package static func isPlain(_ text: some StringProtocol, allowingLineBreaks: Bool = false) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isPlain($0, allowingLineBreaks: allowingLineBreaks) }
            ?? Array(text.utf8).withUnsafeBufferPointer { isPlain($0, allowingLineBreaks: allowingLineBreaks) }
    }

    /// The byte scan of `isPlain`: UTF-8 continuation bytes (0x80…0xBF) are never the lead bytes
    /// looked at (0xC2, 0xE2, 0xEF), so stepping one byte at a time never misreads a sequence.
    package static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, allowingLineBreaks: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight bytes at once while they are all printable ASCII (0x20…0x7E), or line breaks where
            // allowed, the usual case: `audit --format junit` on 1,000 machines passes 13 MB here.
            if let base = bytes.baseAddress, count - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPrintableASCII(allowingLineBreaks ? lineBreaksAsPrintable(word) : word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x09: if !allowingLineBreaks { return false }
            case ..<0x20, 0x7F: return false
            case 0xC2:                                                                        // U+0080…U+009F
                if index + 1 < count, bytes[index + 1] < 0xA0 { return false }
            case 0xE2 where index + 2 < count:
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)) { return false }  // U+200E/F, U+2028…U+202E
                if second == 0x81 && (0xA6...0xA9).contains(third) { return false }                                    // U+2066…U+2069
            case 0xEF where index + 2 < count:
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0xBB && third == 0xBF { return false }                                                     // U+FEFF
                if second == 0xBF && (third == 0xBE || third == 0xBF) { return false }                                 // U+FFFE, U+FFFF
            default: break
            }
            index += 1
        }
        return true
    }

    /// Whether each of the eight bytes of `word` is in 0x20…0x7E (the byte-wise tests of "Bit Twiddling Hacks":
    /// each is exact for "some byte is", which is all this asks).
    /// Always inlined: the YAML writer's scanners call it for every eight bytes of a playbook.
    @inlinable @inline(__always)
    package static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let someHigh = word & highs
        let someBelowSpace = (word &- 0x20 &* ones) & ~word & highs
        let delete = word ^ (0x7F &* ones)
        let someDelete = (delete &- ones) & ~delete & highs
        return someHigh | someBelowSpace | someDelete == 0
    }

    /// `word` with each newline and tab byte made printable (`| 0x20`), every other byte as it was.
    @inlinable
    package static func lineBreaksAsPrintable(_ word: UInt64) -> UInt64 {
        word | ((lanes(of: 0x0A, in: word) | lanes(of: 0x09, in: word)) >> 7) &* 0x20
    }

    /// The high bit of each byte of `word` that is `byte`, exactly (no borrow crosses lanes: the low seven
    /// bits of each lane are added apart from its high bit).
    @inlinable
    package static func lanes(of byte: UInt8, in word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// Whether `scalar` would be escaped (the cases of `escape`, without building its text).
    package static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
