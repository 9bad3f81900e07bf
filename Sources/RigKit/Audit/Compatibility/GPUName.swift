import RigText
import RigSpec
import RigSystem
import RigProbe
/// Puts GPU model names into one comparable form, so that `NVIDIA GeForce RTX 3090`,
/// `GeForce RTX 3090` and `RTX 3090` are the same card (the catalog and `diff` both use it).
package enum GPUName {
    /// Vendor and brand words that tools print in front of the model and specs may leave out.
    private static let leadingNoise: Set<String> = ["NVIDIA", "AMD", "ATI", "GEFORCE", "TESLA", "RADEON", "CORPORATION"]

    /// Upper case, `-`/`_` as spaces, `(R)`/`(TM)` dropped, single spaces, vendor and brand
    /// words stripped from the front: `NVIDIA A100-SXM4-80GB` → `A100 SXM4 80GB`.
    package static func normalize(_ name: String) -> String {
        // Every rule looks each GPU up: the usual ASCII name is done over its bytes, the rest below.
        if name.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "(") }) { return normalizeASCII(name) }
        var text = name.uppercased()
        if text.contains(where: { $0 == "(" || $0 == "®" || $0 == "™" }) {   // rare: skip Foundation's search otherwise
            for mark in ["(R)", "(TM)", "®", "™"] { text = text.replacingEvery(mark, with: " ") }
        }
        let separators: Set<Character> = [" ", "\t", "-", "_"]
        let words = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let model = words.drop(while: { leadingNoise.contains($0) })
        return model.joined(separator: " ")
    }

    /// `normalize` for ASCII text without `(`: the same words, upper-cased, noise dropped from the front.
    private static func normalizeASCII(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var word: [UInt8] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return }
            if out.isEmpty && leadingNoiseBytes.contains(word) { return }
            if !out.isEmpty { out.append(0x20) }
            out += word
        }
        for byte in name.utf8 {
            switch byte {
            case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "_"): flush()
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte - 0x20)
            default: word.append(byte)
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    private static let leadingNoiseBytes: Set<[UInt8]> = Set(leadingNoise.map { Array($0.utf8) })
}
