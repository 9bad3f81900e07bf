import RigSpec
import FoundationEssentials
import RigSystem

/// `lspci -vmm -nn` (records of `Key:\tValue`, ids in brackets) and `lspci -vmm` (names only): the PCI
/// prober's names for the GPUs sysfs lists. The one-line `lspci -nn` layout is not read (no prober runs it).
package struct Lspci: Sendable, Equatable {
    package struct Device: Sendable, Equatable {
        package var slot: String
        package var className: String
        /// `0300`; nil without `-nn`.
        package var classID: String?
        /// Vendor name.
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

    /// `NVIDIA Corporation [10de]` → ("NVIDIA Corporation", "10de"); only a trailing hex id counts.
    static func splitID(_ text: String) -> (String, String?) {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return (text, nil) }
        let id = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return (text, nil) }
        return (String(text[..<open]).trimmed, String(id))
    }
}
