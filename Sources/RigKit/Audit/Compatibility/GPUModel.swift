import RigSpec
import RigSystem
import RigProbe
/// What rigctl knows about one GPU model (or, for a family entry, about every model in it).
package struct GPUModel: Sendable, Equatable {
    package enum Vendor: String, Sendable, CaseIterable { case nvidia, amd }

    /// NVIDIA GPU architectures, oldest first.
    package enum Architecture: String, Sendable, CaseIterable {
        case maxwell = "Maxwell", pascal = "Pascal", volta = "Volta", turing = "Turing", ampere = "Ampere"
        case ada = "Ada Lovelace", hopper = "Hopper", blackwell = "Blackwell"
    }

    /// A display name such as `GeForce RTX 3090`, or a family such as `GeForce RTX 30 series`.
    package let name: String
    package let vendor: Vendor
    package let architecture: Architecture?
    package let computeCapability: ComputeCapability?
    /// Memory sizes this model ships with, in GiB as vendors print them ("24 GB" GDDR = 24 GiB).
    package let vramGiB: [Double]
    /// True when `vramGiB` lists every variant; otherwise a different size may still be real.
    package let vramVariantsComplete: Bool
    /// Default board power (TGP/TDP) in watts, as `nvidia-smi` reports the default power limit.
    package let boardPowerWatts: Double?
    /// AMD: the LLVM target (`gfx1100`) that ROCm's support tables list the GPU under.
    package let llvmTarget: String?
    /// True for an entry that covers a whole family by name pattern (architecture only).
    package let isFamily: Bool
    /// Where the numbers come from ([O] observed tool output, [P] vendor, [S] secondary).
    package let source: String

    package init(name: String, vendor: Vendor = .nvidia, architecture: Architecture?, computeCapability: ComputeCapability?,
                vramGiB: [Double] = [], vramVariantsComplete: Bool = true, boardPowerWatts: Double? = nil,
                llvmTarget: String? = nil, isFamily: Bool = false, source: String) {
        self.name = name
        self.vendor = vendor
        self.architecture = architecture
        self.computeCapability = computeCapability
        self.vramGiB = vramGiB
        self.vramVariantsComplete = vramVariantsComplete
        self.boardPowerWatts = boardPowerWatts
        self.llvmTarget = llvmTarget
        self.isFamily = isFamily
        self.source = source
    }

    /// `GeForce RTX 3090 (Ampere, sm_86)`, for messages.
    package var summary: String {
        guard let architecture, let computeCapability else { return name }
        return "\(name) (\(architecture.rawValue), \(computeCapability.smName))"
    }
}
