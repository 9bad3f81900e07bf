import RigSpec
import Foundation
import RigSystem

/// `lsblk -J` with `-b` (sizes in bytes, as numbers or, before util-linux 2.33, as strings) or
/// without (human sizes like `476.9G`), any column set, nested `children` kept as a tree.
package struct Lsblk: Sendable, Equatable {
    package struct Device: Sendable, Equatable {
        package var name: String
        /// disk, part, crypt, lvm, loop, rom, …
        package var type: String?
        package var sizeBytes: UInt64?
        /// The size as printed when it is not a byte count (negative, fractional, past 16 EiB, garbage).
        package var unreadableSize: String?
        package var model: String?
        package var rotational: Bool?
        package var transport: String?
        package var children: [Device]
    }

    package var devices: [Device]

    package enum ParseError: Error, Equatable, CustomStringConvertible {
        case notLsblkJSON
        package var description: String { "not lsblk JSON output (no \"blockdevices\" array)" }
    }

    package static func parse(_ data: Data) throws(ParseError) -> Lsblk {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let devices = object["blockdevices"] as? [[String: Any]] else { throw .notLsblkJSON }
        return Lsblk(devices: devices.map(device))
    }

    /// Whole disks, physical ones only (loop, zram and RAM disks left out).
    package var disks: [Device] {
        devices.filter { $0.type == "disk" && !$0.name.hasPrefix("zram") && !$0.name.hasPrefix("ram") }
    }

    private static func device(_ object: [String: Any]) -> Device {
        Device(
            name: string(object["name"]) ?? "",
            type: string(object["type"]),
            sizeBytes: size(object["size"]),
            unreadableSize: object["size"].flatMap { size($0) == nil && !($0 is NSNull) ? "\($0)" : nil },
            model: string(object["model"]),
            rotational: bool(object["rota"]),
            transport: string(object["tran"]),
            children: (object["children"] as? [[String: Any]] ?? []).map(device))
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func size(_ value: Any?) -> UInt64? {
        // uint64Value would wrap -5 and saturate 1e30 into a plausible-looking count.
        if let number = value as? NSNumber { return UInt64(exactly: number) }
        guard let text = string(value) else { return nil }
        return UInt64(text) ?? Units.bytes(text)
    }

    private static func bool(_ value: Any?) -> Bool? {
        if let number = value as? NSNumber { return number.boolValue }
        switch string(value) {
        case "1", "true": return true
        case "0", "false": return false
        default: return nil
        }
    }
}
