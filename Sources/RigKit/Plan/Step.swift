import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
/// One thing that converges a machine towards its spec.
public struct Step: Sendable, Equatable {
    /// Stable kebab-case id (`nvidia-driver`, `bios-above-4g-decoding`); shell functions are named after it.
    public var id: String
    /// What the step does, in words a person reads.
    public var title: String
    public var kind: StepKind
    /// Whether the action must run as root.
    public var needsRoot: Bool
    /// The spec key paths this step makes true (`drivers.nvidia.version`).
    public var fixes: [SpecKeyPath]
    /// How to tell, on the machine, that the step is already done.
    public var check: StepGuard
    /// `done` when findings already show every key path in `fixes` as satisfied.
    public var status: Status

    public enum Status: String, Sendable, Equatable {
        /// The action may be needed; its guard decides at run time.
        case pending
        /// Findings show the machine already matches; nothing to run.
        case done
    }

    public init(id: String, title: String, kind: StepKind, needsRoot: Bool, fixes: [SpecKeyPath],
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
