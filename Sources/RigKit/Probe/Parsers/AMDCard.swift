import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// One AMD GPU as amd-smi or rocm-smi reports it; the two tools' parsers fill the same fields.
package struct AMDCard: Sendable, Equatable {
    /// The tool's own GPU index (amd-smi `gpu`, rocm-smi `card0` → 0).
    package var index: Int
    /// The PCI address as the tool prints it (`0000:03:00.0`); nil when the record has none.
    package var busID: String?
    /// The marketing name: amd-smi `asic.market_name`, rocm-smi `Card series`/`Device Name`.
    package var name: String?
    /// The PCI device id, `0x740f`.
    package var deviceID: String?
    /// The LLVM target, `gfx90a`.
    package var gfxTarget: String?
    package var vramBytes: UInt64?
    /// The power cap the board allows, watts.
    package var powerCapWatts: Double?
}
