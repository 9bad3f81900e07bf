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
        var text = name.uppercased()
        if text.contains(where: { $0 == "(" || $0 == "®" || $0 == "™" }) {   // rare: skip Foundation's search otherwise
            for mark in ["(R)", "(TM)", "®", "™"] { text = text.replacingEvery(mark, with: " ") }
        }
        let separators: Set<Character> = [" ", "\t", "-", "_"]
        let words = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let model = words.drop(while: { leadingNoise.contains($0) })
        return model.joined(separator: " ")
    }
}
