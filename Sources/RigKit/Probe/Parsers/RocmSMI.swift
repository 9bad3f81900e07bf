import RigSpec
import Foundation
import RigSystem

/// `rocm-smi … --json` (keys differ between ROCm releases: `Device ID` or `GPU ID`,
/// `Card series` or `Device Name`). The plain concise table is not read: every rocm-smi that knows
/// the GPUs rigctl plans for has `--json` (the captures run from ROCm 4.3 to 6.1).
package struct RocmSMI: Sendable, Equatable {
    package struct Card: Sendable, Equatable {
        /// `card0` → 0.
        package var index: Int
        package var busID: String?
        package var name: String?
        package var deviceID: String?
        package var vramBytes: UInt64?
        /// Max graphics package power, watts.
        package var powerCapWatts: Double?
    }

    package var cards: [Card]
    package var driverVersion: String?

    package static func parseJSON(_ data: Data) -> RocmSMI? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var cards: [Card] = []
        for (key, value) in object {
            guard key.hasPrefix("card"), let index = Int(key.dropFirst(4)), let card = value as? [String: String] else { continue }
            let name = [card["Market Name"], card["Card series"], card["Device Name"]].compactMap { $0 }
                .first { !$0.hasPrefix("0x") && $0 != "N/A" }
            cards.append(Card(
                index: index,
                busID: card["PCI Bus"],
                name: name,
                deviceID: card["Device ID"] ?? card["GPU ID"],
                vramBytes: card["VRAM Total Memory (B)"].flatMap { UInt64($0) },
                powerCapWatts: card["Max Graphics Package Power (W)"].flatMap { Double($0) }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }))
        }
        let system = object["system"] as? [String: String]
        return RocmSMI(cards: cards.sorted { $0.index < $1.index }, driverVersion: system?["Driver version"])
    }
}
