import RigSpec
import RigSystem

/// A PCI device's link attributes in sysfs. The kernel writes widths as a number (`16`) and speeds
/// as `16.0 GT/s PCIe` (`pci_speed_string()`, drivers/pci/probe.c; kernels before 4.17 wrote
/// `8 GT/s`), or `Unknown` when the link has not reported one (drivers/pci/pci-sysfs.c).
package enum PCIeLinkSysfs {
    static let attributes = ["current_link_width", "max_link_width", "current_link_speed", "max_link_speed"]

    /// The link of the device at `device` (`/sys/bus/pci/devices/0000:01:00.0`); nil when it has no
    /// link attributes at all (conventional PCI, or a recorded host from before rigctl read them).
    static func read(_ system: any SystemReader, device: String) -> Fact<PCIeLinkFacts>? {
        var texts: [String] = []
        for name in attributes {
            do {
                texts.append(try system.readText("\(device)/\(name)"))
            } catch .notFound where texts.isEmpty {
                return nil
            } catch {
                return .unknown(error.description)
            }
        }
        return parse(width: texts[0], maxWidth: texts[1], speed: texts[2], maxSpeed: texts[3], device: device)
    }

    /// The four attributes' text, or the one that does not read as the kernel writes it.
    package static func parse(width: String, maxWidth: String, speed: String, maxSpeed: String, device: String) -> Fact<PCIeLinkFacts> {
        let odd = { (name: String, text: String) in Fact<PCIeLinkFacts>.unknown("\(device)/\(name): unexpected '\(UntrustedText.escaped(String(text.trimmed.prefix(64))))'") }
        guard let lanes = Self.lanes(width) else { return odd("current_link_width", width) }
        guard let maxLanes = Self.lanes(maxWidth) else { return odd("max_link_width", maxWidth) }
        guard let now = rate(speed) else { return odd("current_link_speed", speed) }
        guard let max = rate(maxSpeed) else { return odd("max_link_speed", maxSpeed) }
        return .value(PCIeLinkFacts(width: lanes, maxWidth: maxLanes, speedGTs: now, maxSpeedGTs: max))
    }

    /// `16` → 16; 0 (a link that is down) to 32 lanes.
    static func lanes(_ text: String) -> Int? {
        guard let value = Int(text.trimmed), (0...32).contains(value) else { return nil }
        return value
    }

    /// `16.0 GT/s PCIe` or `8 GT/s` → the rate; `Unknown` (and `Unknown speed`) → .some(nil).
    static func rate(_ text: String) -> Double?? {
        let trimmed = text.trimmed
        if trimmed.hasPrefix("Unknown") { return .some(nil) }
        let words = trimmed.split(separator: " ")
        guard words.count >= 2, words[1] == "GT/s", let value = Double(words[0]), value > 0, value <= 256 else { return nil }
        return .some(value)
    }
}
