import RigSpec
import FoundationEssentials
import RigText
import RigSystem
import RigProbe

/// Sizes for messages: memory and VRAM in binary units (`31.3 GiB`), disks in decimal units as
/// their labels use (`1.00 TB`), so a reader sees the same unit the spec was written in.
enum ByteCount {
    /// `34359738368` → `32 GiB`, `33611370496` → `31.3 GiB`.
    static func binary(_ bytes: Double) -> String {
        scaled(bytes, base: 1024, units: ["B", "KiB", "MiB", "GiB", "TiB", "PiB"])
    }

    /// `1000204886016` → `1 TB`, `4000787030016` → `4 TB`, `1099511627776` → `1.1 TB`.
    static func decimal(_ bytes: Double) -> String {
        scaled(bytes, base: 1000, units: ["B", "kB", "MB", "GB", "TB", "PB"])
    }

    private static func scaled(_ bytes: Double, base: Double, units: [String]) -> String {
        var value = bytes
        var unit = 0
        while value >= base, unit < units.count - 1 {
            value /= base
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let text = rounded.wholeNumberText ?? String(cFormat: "%.1f", rounded)
        return "\(text) \(units[unit])"
    }
}
