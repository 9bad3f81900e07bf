import RigText
import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
/// The one quoting function for values that reach a shell script.
package enum ShellQuote {
    /// Wraps `text` in single quotes; a single quote inside becomes `'\''`. Safe for any bytes, newlines included.
    package static func quote(_ text: String) -> String {
        "'" + text.replacingEvery("'", with: #"'\''"#) + "'"
    }
}
