import RigSpec
import RigSystem
import RigProbe
/// What rigctl knows about one GPU model (or, for a family entry, about every model in it).
public struct GPUModel: Sendable, Equatable {
    public enum Vendor: String, Sendable, CaseIterable { case nvidia, amd }

    /// NVIDIA GPU architectures, oldest first.
    public enum Architecture: String, Sendable, CaseIterable {
        case maxwell = "Maxwell", pascal = "Pascal", volta = "Volta", turing = "Turing", ampere = "Ampere"
        case ada = "Ada Lovelace", hopper = "Hopper", blackwell = "Blackwell"
    }

    /// A display name such as `GeForce RTX 3090`, or a family such as `GeForce RTX 30 series`.
    public let name: String
    public let vendor: Vendor
    public let architecture: Architecture?
    public let computeCapability: ComputeCapability?
    /// Memory sizes this model ships with, in GiB as vendors print them ("24 GB" GDDR = 24 GiB).
    public let vramGiB: [Double]
    /// True when `vramGiB` lists every variant; otherwise a different size may still be real.
    public let vramVariantsComplete: Bool
    /// Default board power (TGP/TDP) in watts, as `nvidia-smi` reports the default power limit.
    public let boardPowerWatts: Double?
    /// True for an entry that covers a whole family by name pattern (architecture only).
    public let isFamily: Bool
    /// Where the numbers come from ([O] observed tool output, [P] vendor, [S] secondary).
    public let source: String

    public init(name: String, vendor: Vendor = .nvidia, architecture: Architecture?, computeCapability: ComputeCapability?,
                vramGiB: [Double] = [], vramVariantsComplete: Bool = true, boardPowerWatts: Double? = nil,
                isFamily: Bool = false, source: String) {
        self.name = name
        self.vendor = vendor
        self.architecture = architecture
        self.computeCapability = computeCapability
        self.vramGiB = vramGiB
        self.vramVariantsComplete = vramVariantsComplete
        self.boardPowerWatts = boardPowerWatts
        self.isFamily = isFamily
        self.source = source
    }

    /// `GeForce RTX 3090 (Ampere, sm_86)`, for messages.
    public var summary: String {
        guard let architecture, let computeCapability else { return name }
        return "\(name) (\(architecture.rawValue), \(computeCapability.smName))"
    }
}
