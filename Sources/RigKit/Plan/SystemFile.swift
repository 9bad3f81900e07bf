import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
/// A whole file outside the home directory that rigctl owns (a unit, an apt preference, a profile script).
public struct SystemFile: Sendable, Equatable {
    /// Absolute path.
    public var path: String
    public var contents: String
    /// Octal permissions as `chmod` and Ansible take them (`0644`).
    public var mode: String

    public init(path: String, contents: String, mode: String = "0644") {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}
