import RigSpec
import RigSystem
import RigProbe
/// The BIOS settings whose effect a probe can see, recognised by name (with the spellings
/// board vendors use), and the on/off values specs write for them.
enum BIOSSetting: Equatable {
    /// VT-x / AMD-V: the CPU shows the `vmx` or `svm` flag.
    case virtualization
    /// The SecureBoot EFI variable.
    case secureBoot
    /// `uefi: enabled`: booted through UEFI (`/sys/firmware/efi` exists).
    case uefi
    /// `boot-mode: uefi|legacy`.
    case bootMode
    /// VT-d / AMD-Vi: the kernel registered an IOMMU.
    case iommu
    /// A BAR1 larger than the legacy 256 MiB window can only be mapped above 4 GiB.
    case above4GDecoding
    /// Resizable BAR: BAR1 covers the whole VRAM.
    case resizableBAR

    init?(name: String) {
        switch name.lowercased() {
        case "virtualization", "virtualisation", "vt-x", "vtx", "intel-vt", "vmx", "svm", "svm-mode", "amd-v": self = .virtualization
        case "secure-boot", "secureboot": self = .secureBoot
        case "uefi", "uefi-boot": self = .uefi
        case "boot-mode": self = .bootMode
        case "iommu", "vt-d", "vtd", "amd-vi": self = .iommu
        case "above-4g-decoding", "above-4g", "above4g-decoding", "4g-decoding": self = .above4GDecoding
        case "resizable-bar", "rebar", "re-size-bar", "resize-bar", "smart-access-memory", "sam": self = .resizableBAR
        default: return nil
        }
    }

    /// `enabled`/`on`/`true`/`yes` → true, `disabled`/`off`/`false`/`no` → false, anything else nil.
    static func switchValue(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "enabled", "enable", "on", "true", "yes": return true
        case "disabled", "disable", "off", "false", "no": return false
        default: return nil
        }
    }

    /// The legacy BAR1 window; anything larger needs above-4G decoding.
    static let legacyBAR1Bytes: UInt64 = 256 * 1_048_576
}
