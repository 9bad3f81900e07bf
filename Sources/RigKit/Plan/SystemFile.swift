import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
/// A whole file outside the home directory that rigctl owns (a unit, an apt preference, a profile script).
package struct SystemFile: Sendable, Equatable {
    /// Absolute path.
    package var path: String
    package var contents: String
    /// Octal permissions as `chmod` and Ansible take them (`0644`).
    package var mode: String

    package init(path: String, contents: String, mode: String = "0644") {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}
