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
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Spec problems (`file:line:col`) that made the refusal.
    public var diagnostics: [Diagnostic]
    /// Compatibility errors that made the refusal.
    public var findings: [Finding]
    public var status: ExitStatus

    public init(_ message: String, diagnostics: [Diagnostic] = [], findings: [Finding] = [], status: ExitStatus = .badInput) {
        self.message = message
        self.diagnostics = diagnostics
        self.findings = findings
        self.status = status
    }

    public var description: String { message }
}
