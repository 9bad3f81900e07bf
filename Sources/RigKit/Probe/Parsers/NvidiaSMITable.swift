import RigSpec
import FoundationEssentials
import RigSystem
/// The default `nvidia-smi` table, for bug reports and old hosts: header versions and one entry
/// per GPU. Both the old 79-column layout and the wide one (with `KMD Version`/`CUDA UMD Version`
/// headers in newer branches) are read by labels and cell boundaries, never by column offsets.
package struct NvidiaSMITable: Sendable, Equatable {
    package struct GPU: Sendable, Equatable {
        package var index: Int
        /// As printed; long names are cut and end in `...`.
        package var name: String
        package var persistenceMode: Bool?
        package var busID: String
        package var powerCapWatts: Double?
        package var memoryTotalBytes: UInt64?
        /// Nil when the MIG column says N/A.
        package var migEnabled: Bool?
    }

    package var smiVersion: String?
    package var driverVersion: String?
    /// Kernel-mode driver version, printed by newer branches instead of or beside "Driver Version".
    package var kmdVersion: String?
    package var cudaVersion: String?
    package var gpus: [GPU]

    package static func parse(_ text: String) -> NvidiaSMITable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = NvidiaSMITable(gpus: [])
        if let header = lines.first(where: { $0.contains("NVIDIA-SMI") }) {
            table.smiVersion = value(after: "NVIDIA-SMI", in: header)
            table.kmdVersion = value(after: "KMD Version:", in: header)
            table.driverVersion = value(after: "Driver Version:", in: header) ?? table.kmdVersion
            table.cudaVersion = value(after: "CUDA Version:", in: header) ?? value(after: "CUDA UMD Version:", in: header)
        }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("|=") }) else { return table }
        var index = start + 1
        while index < lines.count, lines[index].hasPrefix("|") || lines[index].hasPrefix("+") {
            let first = cells(lines[index])
            if let gpuIndex = first.first.flatMap({ $0.split(separator: " ").first }).flatMap({ Int($0) }),
               index + 1 < lines.count {
                let second = cells(lines[index + 1])
                let third = index + 2 < lines.count && lines[index + 2].hasPrefix("|") ? cells(lines[index + 2]) : []
                table.gpus.append(gpu(index: gpuIndex, first, second, third))
                index += third.isEmpty ? 2 : 3
            } else {
                index += 1
            }
        }
        return table
    }

    private static func gpu(index: Int, _ first: [String], _ second: [String], _ third: [String]) -> GPU {
        let nameCell = first[0].split(separator: " ").dropFirst()
        let persistence = nameCell.last.map(String.init)
        let name = nameCell.dropLast().joined(separator: " ")
        let busID = first.count > 1 ? String(first[1].split(separator: " ").first ?? "") : ""
        let power = second.first.flatMap { $0.split(separator: "/").last.map(String.init) }.flatMap { Units.watts($0.trimmed) }
        let memory = second.count > 1 ? second[1].split(separator: "/").last.flatMap { Units.bytes(String($0)) } : nil
        let mig = third.count > 2 ? third[2] : nil
        return GPU(index: index, name: name, persistenceMode: onOff(persistence), busID: busID,
                   powerCapWatts: power, memoryTotalBytes: memory, migEnabled: mig.flatMap(onOff))
    }

    private static func onOff(_ text: String?) -> Bool? {
        switch text {
        case "On", "Enabled": return true
        case "Off", "Disabled": return false
        default: return nil
        }
    }

    /// The cells between `|` separators, trimmed.
    private static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { String($0).trimmed }
    }

    /// The first word after `label` in `line`.
    private static func value(after label: String, in line: String) -> String? {
        guard let range = line.firstRange(of: label) else { return nil }
        return line[range.upperBound...].split(separator: " ").first.map(String.init).flatMap { $0 == "|" ? nil : $0 }
    }
}
