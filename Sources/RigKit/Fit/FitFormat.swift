/// Numbers in fit messages: sizes in binary units as GPU memory is sold ("24 GB" = 24 GiB),
/// counts in K/M/B. Never traps: a value too large for an `Int` is shown capped.
package enum FitFormat {
    static let gib = 1_073_741_824.0

    /// `16106127360` → `15.0 GiB`; under 1 GiB in MiB; from 1 TiB in TiB.
    package static func bytes(_ value: Double) -> String {
        if value >= 1024 * gib { return fixed(value / (1024 * gib), 1) + " TiB" }
        if value >= gib || value == 0 { return fixed(value / gib, 1) + " GiB" }
        if value < 1_048_576 { return fixed(value / 1024, 0) + " KiB" }
        return fixed(value / 1_048_576, 0) + " MiB"
    }

    /// `8030261248` → `8.03B`, `41943040` → `41.9M`: three significant digits.
    package static func count(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (factor, unit) in units where value >= factor {
            let scaled = value / factor
            return fixed(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2) + unit
        }
        return fixed(value, 0)
    }

    /// Seconds, one decimal.
    package static func seconds(_ value: Double) -> String { value < 1 ? fixed(value * 1000, 0) + " ms" : fixed(value, 1) + " s" }

    /// `2 B` for whole bytes, else `4.5 bits` (a quantized weight).
    package static func perWeight(_ bytes: Double) -> String {
        bytes == bytes.rounded() ? fixed(bytes, 0) + " B" : fixed(bytes * 8, 3).replacingTrailingZeros() + " bits"
    }

    /// `value` with `digits` decimals (0...3), rounded half away from zero; capped at ±1e15.
    package static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "?" : "∞" }
        let places = min(max(digits, 0), 3)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let capped = min(max(value, -1e15), 1e15)
        let scaled = Int((abs(capped) * scale).rounded())
        let divisor = Int(scale)
        var text = String(scaled / divisor)
        if places > 0 {
            let fraction = String(scaled % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (capped < 0 && scaled != 0 ? "-" : "") + text
    }
}

extension String {
    /// `4.500` → `4.5`, `4.127` stays.
    func replacingTrailingZeros() -> String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
