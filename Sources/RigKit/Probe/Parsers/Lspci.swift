import RigSpec
import FoundationEssentials
import RigSystem

/// `lspci -vmm -nn` (records of `Key:\tValue`, ids in brackets), `lspci -vmm` (names only),
/// and `lspci -nn` single lines (`03:00.0 VGA compatible controller [0300]: … [1002:744c] (rev c8)`).
package struct Lspci: Sendable, Equatable {
    package struct Device: Sendable, Equatable {
        package var slot: String
        package var className: String
        /// `0300`; nil without `-nn`.
        package var classID: String?
        /// Vendor name; for `-nn` single lines, vendor and device together.
        package var vendorName: String
        package var vendorID: String?
        package var deviceName: String
        package var deviceID: String?
        package var revision: String?

        /// A display controller: VGA (0300), XGA (0301), 3D (0302) or other display (0380).
        package var isDisplayController: Bool {
            if let classID { return classID.hasPrefix("03") }
            return ["VGA compatible controller", "3D controller", "Display controller", "XGA compatible controller"].contains(className)
        }

        /// The marketing name: the bracketed part of `GA102 [GeForce RTX 3090]`, else the whole name.
        package var marketingName: String {
            guard deviceName.hasSuffix("]"), let open = deviceName.lastIndex(of: "[") else { return deviceName }
            return String(deviceName[deviceName.index(after: open)..<deviceName.index(before: deviceName.endIndex)])
        }
    }

    package var devices: [Device]

    /// `-vmm` records, with or without `-nn`.
    package static func parseMachineReadable(_ text: String) -> Lspci {
        var devices: [Device] = []
        for block in text.components(separatedBy: "\n\n") {
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmed
            }
            guard let slot = fields["Slot"], let klass = fields["Class"] else { continue }
            let (className, classID) = splitID(klass)
            let (vendorName, vendorID) = splitID(fields["Vendor"] ?? "")
            let (deviceName, deviceID) = splitID(fields["Device"] ?? "")
            devices.append(Device(slot: slot, className: className, classID: classID, vendorName: vendorName,
                                  vendorID: vendorID, deviceName: deviceName, deviceID: deviceID, revision: fields["Rev"]))
        }
        return Lspci(devices: devices)
    }

    /// `lspci -nn` lines.
    package static func parseNumeric(_ text: String) -> Lspci {
        var devices: [Device] = []
        for line in text.split(whereSeparator: \.isNewline) {
            guard let space = line.firstIndex(of: " "), let colon = line[space...].firstRange(of: ": ") else { continue }
            let slot = String(line[..<space])
            let (className, classID) = splitID(String(line[line.index(after: space)..<colon.lowerBound]))
            var rest = String(line[colon.upperBound...])
            var revision: String?
            if let rev = rest.ranges(of: " (rev ").last, rest.hasSuffix(")") {
                revision = String(rest[rev.upperBound..<rest.index(before: rest.endIndex)])
                rest = String(rest[..<rev.lowerBound])
            }
            let (description, ids) = splitID(rest)
            let idParts = ids?.split(separator: ":").map(String.init) ?? []
            devices.append(Device(slot: slot, className: className, classID: classID, vendorName: description,
                                  vendorID: idParts.first, deviceName: description,
                                  deviceID: idParts.count == 2 ? idParts[1] : nil, revision: revision))
        }
        return Lspci(devices: devices)
    }

    /// `NVIDIA Corporation [10de]` → ("NVIDIA Corporation", "10de"); only a trailing hex id counts.
    static func splitID(_ text: String) -> (String, String?) {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return (text, nil) }
        let id = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return (text, nil) }
        return (String(text[..<open]).trimmed, String(id))
    }
}
