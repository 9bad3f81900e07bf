import RigSpec
import FoundationEssentials
import RigText

/// `system_profiler SPHardwareDataType SPDisplaysDataType -json`: one JSON object with a list per
/// data type. The keys read here are the ones real Apple Silicon output carries (Tests/RigKitTests/Fixtures/hosts/mac-*/SOURCE.md):
/// `chip_type` ("Apple M2 Ultra"), `machine_model` ("Mac14,14"), `machine_name` ("Mac Studio"),
/// `physical_memory` ("64 GB"), `number_processors` ("proc 24:16:8:0": all, performance, efficiency);
/// for the GPU `sppci_model`, `sppci_cores` ("60", a string) and `spdisplays_mtlgpufamilysupport` ("spdisplays_metal3").
package struct SystemProfiler: Sendable, Equatable {
    package struct Hardware: Sendable, Equatable, Decodable {
        package var chipType: String?
        package var machineModel: String?
        package var machineName: String?
        package var physicalMemory: String?
        package var numberProcessors: String?
        enum CodingKeys: String, CodingKey {
            case chipType = "chip_type", machineModel = "machine_model", machineName = "machine_name"
            case physicalMemory = "physical_memory", numberProcessors = "number_processors"
        }
        package init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            chipType = try? c.decodeIfPresent(String.self, forKey: .chipType)
            machineModel = try? c.decodeIfPresent(String.self, forKey: .machineModel)
            machineName = try? c.decodeIfPresent(String.self, forKey: .machineName)
            physicalMemory = try? c.decodeIfPresent(String.self, forKey: .physicalMemory)
            // A virtual Mac prints a bare number here; that form says nothing of the core kinds.
            numberProcessors = try? c.decodeIfPresent(String.self, forKey: .numberProcessors)
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

    package struct Display: Sendable, Equatable, Decodable {
        package var name: String?
        package var model: String?
        package var cores: String?
        package var metalFamily: String?
        package var vendor: String?
        enum CodingKeys: String, CodingKey {
            case name = "_name", model = "sppci_model", cores = "sppci_cores"
            case metalFamily = "spdisplays_mtlgpufamilysupport", vendor = "spdisplays_vendor"
        }
        package init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try? c.decodeIfPresent(String.self, forKey: .name)
            model = try? c.decodeIfPresent(String.self, forKey: .model)
            cores = try? c.decodeIfPresent(String.self, forKey: .cores)
            metalFamily = try? c.decodeIfPresent(String.self, forKey: .metalFamily)
            vendor = try? c.decodeIfPresent(String.self, forKey: .vendor)
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

    private struct Document: Decodable {
        var SPHardwareDataType: [Hardware]?
        var SPDisplaysDataType: [Display]?
    }

    /// Nil when the text is not system_profiler's JSON.
    package static func parse(_ text: String) -> SystemProfiler? {
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(text.utf8)) else { return nil }
        return SystemProfiler(hardware: document.SPHardwareDataType ?? [], displays: document.SPDisplaysDataType ?? [])
    }

    /// The Apple GPU (vendor `sppci_vendor_Apple`, or the one whose model is the chip's).
    package func appleGPU(chip: String?) -> Display? {
        displays.first { $0.vendor == "sppci_vendor_Apple" } ?? displays.first { $0.model != nil && $0.model == chip }
    }
}
