import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// One node of the kernel's KFD topology, `/sys/class/kfd/kfd/topology/nodes/<n>/properties`: a
/// `key value` line per property, decimal numbers (drivers/gpu/drm/amd/amdkfd/kfd_topology.c
/// `node_show`). GPU nodes have a non-zero `gfx_target_version`; CPU nodes write 0.
package struct KFDNodeProperties: Sendable, Equatable {
    package var values: [String: UInt64]

    package static func parse(_ text: String) -> KFDNodeProperties {
        var values: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let number = UInt64(parts[1]) else { continue }
            values[String(parts[0])] = number
        }
        return KFDNodeProperties(values: values)
    }

    /// The LLVM target (`gfx1100`), or nil for a CPU node or a version with no name.
    package var gfxTarget: String? { values["gfx_target_version"].flatMap { GFXTarget.name(kfdVersion: $0) } }

    /// The GPU's PCI address, `0000:86:00.0`: `domain` and `location_id`, which kfd_topology.c fills with
    /// `pci_domain_nr()` and `pci_dev_id()` (bus << 8 | devfn, devfn = device << 3 | function).
    package var pciAddress: String? {
        guard let location = values["location_id"], location <= 0xFFFF, let domain = values["domain"], domain <= 0xFFFF else { return nil }
        let bus = location >> 8, device = (location >> 3) & 0x1F, function = location & 0x7
        func hex(_ value: UInt64, _ width: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(hex(domain, 4)):\(hex(bus, 2)):\(hex(device, 2)).\(function)"
    }
}
