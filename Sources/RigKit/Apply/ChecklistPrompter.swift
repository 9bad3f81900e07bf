import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
/// Asks a person whether a manual step (a BIOS setting) is done.
package protocol ChecklistPrompter: Sendable {
    /// true: confirmed; false: declined; nil: no answer (end of input).
    func confirm(_ item: ChecklistItem) async -> Bool?
}
