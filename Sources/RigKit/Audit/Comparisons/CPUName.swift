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
        var text = name.uppercased()
        for mark in ["(R)", "(TM)", "®", "™"] { text = text.replacingEvery(mark, with: " ") }
        if let at = text.firstIndex(of: "@") { text = String(text[..<at]) }
        return text.split(whereSeparator: \.isWhitespace).map(String.init).filter { word in
            word != "CPU" && word != "PROCESSOR" && !(word.hasSuffix("-CORE") && word.dropLast(5).allSatisfy(\.isNumber))
        }
    }

    /// True when the spec's words appear, in order and adjacent, in what the machine reports.
    static func matches(spec: String, actual: String) -> Bool {
        let wanted = words(spec), seen = words(actual)
        guard !wanted.isEmpty, wanted.count <= seen.count else { return false }
        return (0...(seen.count - wanted.count)).contains { Array(seen[$0..<($0 + wanted.count)]) == wanted }
    }
}
