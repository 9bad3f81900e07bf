import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `amd-smi static --json`, the tool ROCm 6 ships in place of the deprecated rocm-smi.
///
/// Two top-level shapes are real: amd-smi before 26.0 (ROCm 6.x) prints a list of per-GPU records
/// (`amdsmi_logger.py` `_print_json_output`: `json_output = [self.output]`, amdsmi amd-mainline for ROCm 6.3);
/// amd-smi 26 and later (ROCm 7) wrap that list in `{"gpu_data": [...]}` (ROCm/rocm-systems#223 review:
/// "amd-smi < 26 does not have top level `gpu_data` key"). Each record has `gpu`, `asic` (`market_name`,
/// `device_id`, `target_graphics_version`), `bus` (`bdf`, absent in some captures), `vram.size` and
/// `limit.max_power`, numbers as `{"value", "unit"}` objects since amd-smi 6.1 (CHANGELOG "Added units of
/// measure to JSON output") or as bare numbers / `"65520 MB"` text before. `"N/A"` means not reported.
package struct AMDSMI: Sendable, Equatable {
    package struct Card: Sendable, Equatable {
        /// amd-smi's own GPU index (`gpu`).
        package var index: Int
        /// `bus.bdf`, as amd-smi prints it (`0000:03:00.0`); nil when the record has none.
        package var busID: String?
        /// `asic.market_name`: `AMD Instinct MI210`, `AMD Radeon RX 7800 XT`.
        package var name: String?
        /// `asic.device_id`: `0x740f`.
        package var deviceID: String?
        /// `asic.target_graphics_version`: the LLVM target, `gfx90a`.
        package var gfxTarget: String?
        package var vramBytes: UInt64?
        /// `limit.max_power`: the power cap the board allows, watts.
        package var powerCapWatts: Double?
    }

    package var cards: [Card]

    /// The GPU records, or nil when the text is not JSON or not one of the shapes above.
    package static func parseStatic(_ data: Data) -> AMDSMI? {
        guard let root = try? JSONValue.parse(data) else { return nil }
        let records: [JSONValue]
        if let list = root.array {
            records = list
        } else if let list = root["gpu_data"]?.array {
            records = list
        } else {
            return nil
        }
        var cards: [Card] = []
        for (position, record) in records.enumerated() {
            guard record.members != nil else { return nil }
            let asic = record["asic"]
            cards.append(Card(
                index: record["gpu"]?.uint64.flatMap { Int(exactly: $0) } ?? position,
                busID: reported(record["bus"]?["bdf"]),
                name: reported(asic?["market_name"]),
                deviceID: reported(asic?["device_id"]).map { $0.lowercased() },
                gfxTarget: reported(asic?["target_graphics_version"]).flatMap(GFXTarget.name),
                vramBytes: record["vram"]?["size"].flatMap(Self.bytes),
                powerCapWatts: record["limit"]?["max_power"].flatMap(Self.watts)))
        }
        return AMDSMI(cards: cards)
    }

    /// A text value that says something: not empty, not `N/A`.
    private static func reported(_ value: JSONValue?) -> String? {
        guard let text = value?.string?.trimmed, !text.isEmpty, text != "N/A" else { return nil }
        return text
    }

    /// `{"value": 65520, "unit": "MB"}`, `"65520 MB"` or a bare number (MB: amd-smi's VRAM unit) → bytes.
    /// amd-smi's "MB" is MiB: an MI210's 64 GiB of HBM2e prints as 65520 MB.
    static func bytes(_ value: JSONValue) -> UInt64? {
        guard let (amount, unit) = quantity(value) else { return nil }
        let scale: Double
        switch unit.uppercased() {
        case "", "MB", "MIB": scale = 1_048_576
        case "GB", "GIB": scale = 1_073_741_824
        case "KB", "KIB": scale = 1024
        case "B": scale = 1
        default: return nil
        }
        let bytes = amount * scale
        guard bytes.isFinite, bytes >= 0, bytes < 1e18 else { return nil }
        return UInt64(bytes)
    }

    static func watts(_ value: JSONValue) -> Double? {
        guard let (amount, unit) = quantity(value), unit.isEmpty || unit == "W", amount.isFinite, amount >= 0, amount < 1e6 else { return nil }
        return amount
    }

    /// A number and its unit from any of amd-smi's three spellings; nil for `N/A` or anything else.
    private static func quantity(_ value: JSONValue) -> (Double, String)? {
        if let number = value.double { return (number, "") }
        if let members = value.members, members.contains(where: { $0.key == "value" }) {
            guard let inner = value["value"], let (amount, _) = quantity(inner) else { return nil }
            return (amount, value["unit"]?.string ?? "")
        }
        guard let text = value.string?.trimmed else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2, let amount = Double(parts[0]) else { return nil }
        return (amount, parts.count == 2 ? String(parts[1]) : "")
    }
}

/// AMD's LLVM target names (`gfx1100`, `gfx90a`, `gfx942`).
package enum GFXTarget {
    /// `gfx90a` → `gfx90a`; anything that is not `gfx` and 3-4 hex digits → nil (so tool text never
    /// becomes a target by accident).
    package static func name(_ text: String) -> String? {
        let lower = text.trimmed.lowercased()
        guard lower.hasPrefix("gfx") else { return nil }
        let digits = lower.dropFirst(3)
        guard (3...4).contains(digits.count), digits.allSatisfy(\.isHexDigit), digits.first?.isNumber == true else { return nil }
        return lower
    }

    /// The KFD's `gfx_target_version` (`110000`, `90010`, `90402`) → `gfx1100`, `gfx90a`, `gfx942`.
    /// The kernel writes major × 10000 + minor × 100 + stepping (drivers/gpu/drm/amd/amdkfd/kfd_device.c:
    /// Aldebaran `gfx_target_version = 90010`, Navi10 `100100`); LLVM names print minor and stepping as
    /// one hex digit each (gfx90a = 9.0.10). 0 is a CPU node; a minor or stepping above 15 has no name.
    package static func name(kfdVersion: UInt64) -> String? {
        guard kfdVersion > 0, kfdVersion < 1_000_000 else { return nil }
        let major = kfdVersion / 10000, minor = (kfdVersion / 100) % 100, stepping = kfdVersion % 100
        guard major >= 7, minor < 16, stepping < 16 else { return nil }
        return "gfx\(major)" + String(minor, radix: 16) + String(stepping, radix: 16)
    }
}
