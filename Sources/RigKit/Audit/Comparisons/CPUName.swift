import RigText
import RigSpec
import RigSystem
import RigProbe
/// Puts CPU model names into one comparable form, so that `Intel Core i7-5820K` matches
/// `Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz` as lscpu prints it.
enum CPUName {
    /// Upper case, trademarks dropped, the `@ 3.30GHz` tail cut, and the filler words `CPU`,
    /// `PROCESSOR` and `8-CORE` removed: `AMD Ryzen 7 7800X3D 8-Core Processor` → `AMD RYZEN 7 7800X3D`.
    static func words(_ name: String) -> [String] {
        // lscpu names are ASCII: the same steps over bytes, without Unicode case mapping and Character scans.
        name.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(name) : unicodeWords(name)
    }

    static func unicodeWords(_ name: String) -> [String] {
        var text = name.uppercased()
        for mark in ["(R)", "(TM)", "®", "™"] { text = text.replacingEvery(mark, with: " ") }
        if let at = text.firstIndex(of: "@") { text = String(text[..<at]) }
        return text.split(whereSeparator: \.isWhitespace).map(String.init).filter { word in
            word != "CPU" && word != "PROCESSOR" && !(word.hasSuffix("-CORE") && word.dropLast(5).allSatisfy(\.isNumber))
        }
    }

    /// `unicodeWords` for ASCII text: ASCII whitespace is `\t`…`\r` and space, and `®`/`™` cannot occur.
    static func asciiWords(_ name: String) -> [String] {
        var text = name.utf8.map { $0 &- UInt8(ascii: "a") < 26 ? $0 - 0x20 : $0 }
        for mark in ["(R)", "(TM)"] { text = replacingEvery(Array(mark.utf8), in: text) }
        if let at = text.firstIndex(of: UInt8(ascii: "@")) { text.removeSubrange(at...) }
        return text.split(whereSeparator: { $0 == 0x20 || $0 &- 0x09 < 5 }).compactMap { word in
            if word.elementsEqual("CPU".utf8) || word.elementsEqual("PROCESSOR".utf8) { return nil }
            if word.count >= 5, word.suffix(5).elementsEqual("-CORE".utf8), word.dropLast(5).allSatisfy({ $0 &- 0x30 < 10 }) { return nil }
            return String(decoding: word, as: UTF8.self)
        }
    }

    /// Every `mark` in `text` (left to right, not overlapping) as one space, like `replacingEvery(_:with: " ")`.
    private static func replacingEvery(_ mark: [UInt8], in text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == mark[0], index + mark.count <= text.count, text[index..<index + mark.count].elementsEqual(mark) {
                out.append(0x20)
                index += mark.count
            } else {
                out.append(text[index])
                index += 1
            }
        }
        return out
    }

    /// True when the spec's words appear, in order and adjacent, in what the machine reports.
    static func matches(spec: String, actual: String) -> Bool {
        let wanted = words(spec), seen = words(actual)
        guard !wanted.isEmpty, wanted.count <= seen.count else { return false }
        return (0...(seen.count - wanted.count)).contains { Array(seen[$0..<($0 + wanted.count)]) == wanted }
    }
}
