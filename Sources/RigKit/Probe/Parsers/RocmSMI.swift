import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `rocm-smi … --json` (keys differ between ROCm releases: `Device ID` or `GPU ID`,
/// `Card series` or `Device Name`; `Card model` is never the name: a subsystem id such as `0x0c34`, or on an
/// MI250 in a real paste "FirePro W4300", wandb/wandb#5449). The plain concise table is not read: every rocm-smi that knows
/// the GPUs rigctl plans for has `--json` (the captures run from ROCm 4.3 to 6.1).
package struct RocmSMI: Sendable, Equatable {
    package struct Card: Sendable, Equatable {
        /// `card0` → 0.
        package var index: Int
        package var busID: String?
        package var name: String?
        package var deviceID: String?
        /// `GFX Version` (rocm-smi 6.1+): the LLVM target, `gfx1031`.
        package var gfxTarget: String?
        package var vramBytes: UInt64?
        /// Max graphics package power, watts.
        package var powerCapWatts: Double?
    }

    package var cards: [Card]
    package var driverVersion: String?

    package static func parseJSON(_ data: Data) -> RocmSMI? {
        guard let object = try? JSONValue.parse(data), let members = object.members else { return nil }
        var cards: [Card] = []
        // A repeated key counts once, with its last value (as a dictionary of the document would).
        for (key, value) in Dictionary(members, uniquingKeysWith: { _, last in last }) {
            guard key.hasPrefix("card"), let index = Int(key.dropFirst(4)), let card = stringFields(value) else { continue }
            let name = [card["Market Name"], card["Card series"], card["Device Name"]].compactMap { $0 }
                .first { !$0.hasPrefix("0x") && $0 != "N/A" }
            cards.append(Card(
                index: index,
                busID: card["PCI Bus"],
                name: name,
                deviceID: card["Device ID"] ?? card["GPU ID"],
                gfxTarget: card["GFX Version"].flatMap(GFXTarget.name),
                vramBytes: card["VRAM Total Memory (B)"].flatMap { UInt64($0) },
                powerCapWatts: card["Max Graphics Package Power (W)"].flatMap { Double($0) }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }))
        }
        let system = object["system"].flatMap(stringFields)
        return RocmSMI(cards: cards.sorted { $0.index < $1.index }, driverVersion: system?["Driver version"])
    }

    /// An object whose members are all strings (rocm-smi prints every value as one), else nil.
    private static func stringFields(_ value: JSONValue) -> [String: String]? {
        guard let members = value.members else { return nil }
        var fields: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.string else { return nil }
            fields[key] = text
        }
        return fields
    }
}
