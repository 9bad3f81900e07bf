import RigSpec
import FoundationEssentials
import RigText
import RigSystem
/// Numbers with units as tools print them: `81559 MiB`, `16 GB`, `476.9G`, `350.00 W`, `4800 MT/s`.
enum Units {
    /// Bytes from `<number>[ ]<unit>`; binary units for KiB/MiB/GiB and for dmidecode's and
    /// lsblk's `kB`/`MB`/`GB`/`K`/`M`/`G` (both mean powers of 1024 there).
    static func bytes(_ text: String) -> UInt64? {
        let (number, unit) = split(text)
        guard let number else { return nil }
        let factors: [String: Double] = [
            "": 1, "B": 1,
            "K": 1024, "KB": 1024, "KiB": 1024, "kB": 1024,
            "M": 1_048_576, "MB": 1_048_576, "MiB": 1_048_576,
            "G": 1_073_741_824, "GB": 1_073_741_824, "GiB": 1_073_741_824,
            "T": 1_099_511_627_776, "TB": 1_099_511_627_776, "TiB": 1_099_511_627_776,
            "P": 1_125_899_906_842_624, "PB": 1_125_899_906_842_624, "PiB": 1_125_899_906_842_624,
        ]
        guard let factor = factors[unit] else { return nil }
        return byteCount(number * factor)
    }

    /// A tool's number as a byte count; nil when negative, not finite or past `UInt64.max`
    /// (a conversion that would trap).
    static func byteCount(_ value: Double) -> UInt64? {
        UInt64(exactly: value.rounded())
    }

    /// Watts from `350.00 W` or `350W` or `170.0W`.
    static func watts(_ text: String) -> Double? {
        let (number, unit) = split(text)
        guard let number, unit == "W" || unit.isEmpty, number.isFinite else { return nil }
        return number
    }

    /// MT/s from `4800 MT/s` or `2133 MHz` (older dmidecode); nil for `Unknown`.
    static func megatransfers(_ text: String) -> Int? {
        let (number, unit) = split(text)
        guard let number, ["MT/s", "MHz"].contains(unit) else { return nil }
        return Int(exactly: number.rounded())
    }

    /// The leading decimal number and the rest, trimmed.
    static func split(_ text: String) -> (Double?, String) {
        let trimmed = text.trimmed(.whitespaces)
        let end = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? trimmed.endIndex
        let number = Double(trimmed[..<end])
        return (number, trimmed[end...].trimmed(.whitespaces))
    }
}

extension Fact {
    /// A tool's field: `missing` when the tool did not print it, else its value through `parse`,
    /// or `unknown` quoting the text when `parse` cannot read it (garbage, or a number out of range).
    static func field(_ text: String?, _ parse: (String) -> Value?, name: String, missing: @autoclosure () -> String) -> Fact {
        guard let text else { return .unknown(missing()) }
        if let value = parse(text) { return .value(value) }
        return .unknown("\(name) '\(UntrustedText.escaped(text, limit: 40))' is not a value rigctl can read (garbage or out of range)")
    }
}

extension String {
    /// The text without surrounding spaces, tabs and newlines.
    var trimmed: String { trimmed(.whitespacesAndNewlines) }
}
