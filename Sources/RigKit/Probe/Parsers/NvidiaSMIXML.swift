import RigSpec
import FoundationEssentials
import RigSystem

/// `nvidia-smi -q -x`: driver and CUDA versions plus, per GPU, what the CSV query cannot give
/// (BAR1 size). Read by element names; DTD v12 (`power_readings/power_limit`) and v13
/// (`gpu_power_readings/current_power_limit`) both work. MIG instances' own memory blocks are
/// nested under `mig_devices` and never mistaken for the GPU's.
package struct NvidiaSMIXML: Sendable, Equatable {
    package struct GPU: Sendable, Equatable {
        package var busID: String
        package var name: String?
        package var architecture: String?
        package var deviceID: String?
        package var memoryTotalBytes: UInt64?
        package var bar1TotalBytes: UInt64?
        package var powerLimitWatts: Double?
        package var defaultPowerLimitWatts: Double?
        package var persistenceMode: Bool?
        package var migEnabled: Bool?
    }

    package var driverVersion: String?
    package var cudaVersion: String?
    /// What the header claims; may exceed `gpus.count` in trimmed captures.
    package var attachedGPUs: Int?
    package var gpus: [GPU]

    package enum ParseError: Error, Equatable, CustomStringConvertible {
        case notNvidiaSMIXML(String)
        package var description: String {
            switch self { case .notNvidiaSMIXML(let why): return "not nvidia-smi XML: \(why)" }
        }
    }

    package static func parse(_ text: String) throws(ParseError) -> NvidiaSMIXML {
        let root: XMLNode
        do { root = try XMLNode.parse(text) } catch { throw .notNvidiaSMIXML("\(error)") }
        guard root.name == "nvidia_smi_log" else { throw .notNvidiaSMIXML("root element is <\(root.name)>") }
        return NvidiaSMIXML(
            driverVersion: available(root.value("driver_version")),
            cudaVersion: available(root.value("cuda_version")),
            attachedGPUs: root.value("attached_gpus").flatMap { Int($0) },
            gpus: root.children("gpu").map(gpu))
    }

    private static func gpu(_ node: XMLNode) -> GPU {
        let power = node.child("gpu_power_readings") ?? node.child("power_readings")
        let limit = power.flatMap { available($0.value("current_power_limit")) ?? available($0.value("power_limit")) }
        let deviceID = available(node.value("pci/pci_device_id")).flatMap { $0.allSatisfy(\.isHexDigit) ? $0 : nil }
        return GPU(
            busID: available(node.value("pci/pci_bus_id")) ?? node.attributes["id"] ?? "",
            name: available(node.value("product_name")),
            architecture: available(node.value("product_architecture")),
            deviceID: deviceID,
            memoryTotalBytes: available(node.value("fb_memory_usage/total")).flatMap(Units.bytes),
            bar1TotalBytes: available(node.value("bar1_memory_usage/total")).flatMap(Units.bytes),
            powerLimitWatts: limit.flatMap(Units.watts),
            defaultPowerLimitWatts: power.flatMap { available($0.value("default_power_limit")) }.flatMap(Units.watts),
            persistenceMode: available(node.value("persistence_mode")).flatMap(enabled),
            migEnabled: available(node.value("mig_mode/current_mig")).flatMap(enabled))
    }

    private static func available(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text != "N/A", !(text.hasPrefix("[") && text.hasSuffix("]")) else { return nil }
        return text
    }

    private static func enabled(_ text: String) -> Bool? {
        switch text {
        case "Enabled", "On", "Yes": return true
        case "Disabled", "Off", "No": return false
        default: return nil
        }
    }
}
