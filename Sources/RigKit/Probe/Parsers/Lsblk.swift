import RigSpec
import FoundationEssentials
import RigText
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
        guard let object = try? JSONValue.parse(data), let devices = object["blockdevices"]?.array else { throw .notLsblkJSON }
        return Lsblk(devices: devices.map(device))
    }

    /// Whole disks, physical ones only (loop, zram and RAM disks left out).
    package var disks: [Device] {
        devices.filter { $0.type == "disk" && !$0.name.hasPrefix("zram") && !$0.name.hasPrefix("ram") }
    }

    private static func device(_ object: JSONValue) -> Device {
        Device(
            name: string(object["name"]) ?? "",
            type: string(object["type"]),
            sizeBytes: size(object["size"]),
            unreadableSize: object["size"].flatMap { size($0) == nil && !$0.isNull ? ($0.string ?? $0.prettyText()) : nil },
            model: string(object["model"]),
            rotational: bool(object["rota"]),
            transport: string(object["tran"]),
            children: (object["children"]?.array ?? []).map(device))
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard let text = value?.string else { return nil }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func size(_ value: JSONValue?) -> UInt64? {
        // A count only when exact: -5 and 1e30 are not sizes.
        if let number = value, number.numberText != nil { return number.uint64 }
        guard let text = string(value) else { return nil }
        return UInt64(text) ?? Units.bytes(text)
    }

    private static func bool(_ value: JSONValue?) -> Bool? {
        if case .bool(let flag)? = value { return flag }
        if let number = value?.double { return number != 0 }
        switch string(value) {
        case "1", "true": return true
        case "0", "false": return false
        default: return nil
        }
    }
}
