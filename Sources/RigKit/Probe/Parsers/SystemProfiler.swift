import RigSpec
import FoundationEssentials
import RigText

/// `system_profiler SPHardwareDataType SPDisplaysDataType -json`: one JSON object with a list per
/// data type. The keys read here are the ones real Apple Silicon output carries (Tests/RigKitTests/Fixtures/hosts/mac-*/SOURCE.md):
/// `chip_type` ("Apple M2 Ultra"), `machine_model` ("Mac14,14"), `machine_name` ("Mac Studio"),
/// `physical_memory` ("64 GB"), `number_processors` ("proc 24:16:8:0": all, performance, efficiency);
/// for the GPU `sppci_model`, `sppci_cores` ("60", a string) and `spdisplays_mtlgpufamilysupport` ("spdisplays_metal3").
package struct SystemProfiler: Sendable, Equatable {
    package struct Hardware: Sendable, Equatable {
        package var chipType: String?
        package var machineModel: String?
        package var machineName: String?
        package var physicalMemory: String?
        /// A virtual Mac prints a bare number here; that form says nothing of the core kinds.
        package var numberProcessors: String?

        init(_ item: JSONValue) {
            chipType = item["chip_type"]?.string
            machineModel = item["machine_model"]?.string
            machineName = item["machine_name"]?.string
            physicalMemory = item["physical_memory"]?.string
            numberProcessors = item["number_processors"]?.string
        }

        /// `proc 24:16:8:0` → (performance 16, efficiency 8).
        package var coreKinds: (performance: Int, efficiency: Int)? {
            guard let text = numberProcessors, text.hasPrefix("proc ") else { return nil }
            let numbers = text.dropFirst(5).split(separator: ":").map { Int($0) }
            guard numbers.count >= 3, let performance = numbers[1], let efficiency = numbers[2],
                  (0...1024).contains(performance), (0...1024).contains(efficiency) else { return nil }
            return (performance, efficiency)
        }
    }

    package struct Display: Sendable, Equatable {
        package var name: String?
        package var model: String?
        package var cores: String?
        package var metalFamily: String?
        package var vendor: String?

        init(_ item: JSONValue) {
            name = item["_name"]?.string
            model = item["sppci_model"]?.string
            cores = item["sppci_cores"]?.string
            metalFamily = item["spdisplays_mtlgpufamilysupport"]?.string
            vendor = item["spdisplays_vendor"]?.string
        }

        /// GPU cores, when the number is one a chip can have.
        package var coreCount: Int? { cores.flatMap { Int($0.trimmed) }.flatMap { (1...1024).contains($0) ? $0 : nil } }

        /// `spdisplays_metal3` → `Metal 3`; nil when system_profiler names no Metal family.
        package var metal: String? {
            guard let family = metalFamily, family.hasPrefix("spdisplays_metal") else { return nil }
            let version = family.dropFirst("spdisplays_metal".count)
            guard !version.isEmpty, version.allSatisfy(\.isNumber), version.count <= 3 else { return nil }
            return "Metal \(version)"
        }
    }

    package var hardware: [Hardware]
    package var displays: [Display]

    /// Nil when the text is not system_profiler's JSON: not an object, or a data type that is not a list of objects.
    package static func parse(_ text: String) -> SystemProfiler? {
        guard let document = try? JSONValue.parse(text), document.members != nil else { return nil }
        func items(_ key: String) -> [JSONValue]? {
            guard let list = document[key], !list.isNull else { return [] }
            guard let items = list.array, items.allSatisfy({ $0.members != nil }) else { return nil }
            return items
        }
        guard let hardware = items("SPHardwareDataType"), let displays = items("SPDisplaysDataType") else { return nil }
        return SystemProfiler(hardware: hardware.map(Hardware.init), displays: displays.map(Display.init))
    }

    /// The Apple GPU (vendor `sppci_vendor_Apple`, or the one whose model is the chip's).
    package func appleGPU(chip: String?) -> Display? {
        displays.first { $0.vendor == "sppci_vendor_Apple" } ?? displays.first { $0.model != nil && $0.model == chip }
    }
}
