import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
/// A manual step: what a person must set and where.
package struct ChecklistItem: Sendable, Equatable {
    /// Where the person acts (`BIOS`).
    package var place: String
    /// The setting (`above-4g-decoding`, or `version` for a BIOS update).
    package var setting: String
    /// The wanted value (`enabled`, `3902`).
    package var value: String

    package init(place: String, setting: String, value: String) {
        self.place = place
        self.setting = setting
        self.value = value
    }

    /// One line for a checklist: `BIOS: set above-4g-decoding to enabled`.
    package var text: String {
        setting == "version" ? "\(place): update to version \(value)" : "\(place): set \(setting) to \(value)"
    }
}
