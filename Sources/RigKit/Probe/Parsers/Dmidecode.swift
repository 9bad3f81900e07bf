import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `dmidecode` output (any `-t` selection, dmidecode 3.x): records by DMI type, fields by name.
/// Placeholders vendors leave in the tables ("To Be Filled By O.E.M.", "Default string") read as nil.
package struct Dmidecode: Sendable, Equatable {
    package struct Record: Sendable, Equatable {
        package var type: Int
        package var title: String
        /// `Key: Value` lines directly under the record; list items (double tab) are left out.
        package var fields: [String: String]

        /// A field's value, nil when absent or a known placeholder.
        package subscript(_ key: String) -> String? {
            guard let value = fields[key], !Dmidecode.isPlaceholder(value) else { return nil }
            return value
        }
    }

    package struct MemoryDevice: Sendable, Equatable {
        package var locator: String
        package var bankLocator: String?
        /// Nil for an empty slot.
        package var sizeBytes: UInt64?
        /// The size as printed when it is neither a size nor an empty-slot marker (garbage, past 16 EiB).
        package var unreadableSize: String?
        package var type: String?
        package var ratedSpeedMTs: Int?
        package var configuredSpeedMTs: Int?
    }

    package var records: [Record]

    package static func parse(_ text: String) -> Dmidecode {
        var records: [Record] = []
        var current: Record?
        var expectTitle = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Handle ") {
                if let current { records.append(current) }
                let type = line.firstRange(of: "DMI type ").flatMap { range in
                    Int(line[range.upperBound...].prefix { $0.isNumber })
                }
                current = type.map { Record(type: $0, title: "", fields: [:]) }
                expectTitle = true
            } else if expectTitle, !line.isEmpty {
                current?.title = String(line).trimmed
                expectTitle = false
            } else if line.hasPrefix("\t"), !line.hasPrefix("\t\t"), let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmed(.whitespaces)
                current?.fields[key] = String(line[line.index(after: colon)...]).trimmed
            } else if line.isEmpty {
                expectTitle = false
            }
        }
        if let current { records.append(current) }
        return Dmidecode(records: records)
    }

    package func records(ofType type: Int) -> [Record] { records.filter { $0.type == type } }

    /// Type 0.
    package var bios: Record? { records(ofType: 0).first }
    /// Type 2.
    package var baseBoard: Record? { records(ofType: 2).first }

    /// Type 17, one per slot, empty slots included (size nil).
    package var memoryDevices: [MemoryDevice] {
        records(ofType: 17).map { record in
            MemoryDevice(
                locator: record.fields["Locator"] ?? "",
                bankLocator: record["Bank Locator"],
                sizeBytes: record.fields["Size"].flatMap(Units.bytes),
                unreadableSize: record.fields["Size"].flatMap { Units.bytes($0) == nil && !Dmidecode.isEmptySlot($0) ? $0 : nil },
                type: record["Type"],
                ratedSpeedMTs: record.fields["Speed"].flatMap(Units.megatransfers),
                configuredSpeedMTs: (record.fields["Configured Memory Speed"] ?? record.fields["Configured Clock Speed"])
                    .flatMap(Units.megatransfers))
        }
    }

    /// What dmidecode prints as the size of an empty slot.
    static func isEmptySlot(_ size: String) -> Bool {
        ["No Module Installed", "Not Installed", "Unknown", "Not Specified", ""].contains(size)
    }

    static func isPlaceholder(_ value: String) -> Bool {
        let placeholders = ["", "To Be Filled By O.E.M.", "To be filled by O.E.M.", "Default string", "Not Specified",
                            "System Product Name", "System Version", "System manufacturer", "Unknown", "Not Present", "--"]
        return placeholders.contains(value)
    }
}
