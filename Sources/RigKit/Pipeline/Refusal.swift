import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// Why a command did nothing: one message, the spec problems or compatibility errors behind it,
/// and the documented exit code. Every command reports a refusal the same way.
package struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    /// Spec problems (`file:line:col`) that made the refusal.
    package var diagnostics: [Diagnostic]
    /// Compatibility errors that made the refusal.
    package var findings: [Finding]
    package var status: ExitStatus

    package init(_ message: String, diagnostics: [Diagnostic] = [], findings: [Finding] = [], status: ExitStatus = .badInput) {
        self.message = message
        self.diagnostics = diagnostics
        self.findings = findings
        self.status = status
    }

    package var description: String { message }
}
