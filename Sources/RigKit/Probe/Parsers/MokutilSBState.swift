import RigSpec
import RigSystem

/// `mokutil --sb-state`: `SecureBoot enabled` or `SecureBoot disabled` (shim's mokutil, as quoted in
/// morrownr/rtl8852bu#7 and Ubuntu's UEFI/SecureBoot wiki); on a legacy-BIOS boot it prints
/// `EFI variables are not supported on this system` and exits 255.
package enum MokutilSBState {
    /// Whether Secure Boot is on; nil when the text says neither.
    package static func parse(_ text: String) -> Bool? {
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.lowercased().split(whereSeparator: \.isWhitespace)
            guard words.first == "secureboot", words.count >= 2 else { continue }
            if words[1] == "enabled" { return true }
            if words[1] == "disabled" { return false }
        }
        return nil
    }

    /// Whether the text says the machine booted without UEFI (so Secure Boot is off).
    package static func saysNoEFI(_ text: String) -> Bool {
        text.contains("EFI variables are not supported")
    }
}
