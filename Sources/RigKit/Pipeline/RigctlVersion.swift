import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
/// The version `rigctl --version` prints and build logs record.
package enum RigctlVersion {
    package static let current = "0.1.0"
}
