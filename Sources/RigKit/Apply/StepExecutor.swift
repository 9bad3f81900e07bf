import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
/// Checks and runs plan steps on a machine. `rigctl apply` uses `MachineStepExecutor`; tests swap in
/// scripted ones.
package protocol StepExecutor: Sendable {
    /// Whether the step's guard holds; changes nothing.
    func check(_ step: Step) async -> GuardCheck
    /// Runs the step's action.
    func run(_ step: Step) async -> StepRun
}

/// What a guard said.
package enum GuardCheck: Sendable, Equatable {
    case holds
    case fails
    /// The guard itself could not be evaluated (a damaged file, a missing tool).
    case error(String)
}

/// How a step's action went.
package struct StepRun: Sendable, Equatable {
    package var succeeded: Bool
    /// What it printed (stdout and stderr in order), or why it could not run.
    package var output: String

    package init(succeeded: Bool, output: String) {
        self.succeeded = succeeded
        self.output = output
    }
}
