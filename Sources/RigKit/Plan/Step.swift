import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
/// One thing that converges a machine towards its spec.
package struct Step: Sendable, Equatable {
    /// Stable kebab-case id (`nvidia-driver`, `bios-above-4g-decoding`); shell functions are named after it.
    package var id: String
    /// What the step does, in words a person reads.
    package var title: String
    package var kind: StepKind
    /// Whether the action must run as root.
    package var needsRoot: Bool
    /// The spec key paths this step makes true (`drivers.nvidia.version`).
    package var fixes: [SpecKeyPath]
    /// How to tell, on the machine, that the step is already done.
    package var check: StepGuard
    /// `done` when findings already show every key path in `fixes` as satisfied.
    package var status: Status

    package enum Status: String, Sendable, Equatable {
        /// The action may be needed; its guard decides at run time.
        case pending
        /// Findings show the machine already matches; nothing to run.
        case done
    }

    package init(id: String, title: String, kind: StepKind, needsRoot: Bool, fixes: [SpecKeyPath],
                check: StepGuard, status: Status = .pending) {
        self.id = id
        self.title = title
        self.kind = kind
        self.needsRoot = needsRoot
        self.fixes = fixes
        self.check = check
        self.status = status
    }
}
