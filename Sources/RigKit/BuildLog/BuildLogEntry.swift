import Foundation
import RigSystem
import RigProbe
import RigAudit
import RigPlan
import RigSpec

/// One build-log entry: what an `apply` (or a dry run, or a snapshot) saw and did, made to be
/// read in a pull request. Rendered by `BuildLogMarkdown`, stored under `build-logs/<machine>/`.
public struct BuildLogEntry: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case apply, dryRun = "dry-run", snapshot }

    public enum Result: String, Sendable {
        /// Every step ran or was already done, and the re-probe found no drift.
        case converged
        /// Steps ran, but drift remains (a reboot pending, a manual item unconfirmed).
        case notConverged = "not converged"
        /// A step failed; the run stopped there.
        case failed
        /// Nothing was changed (`--dry-run`, `snapshot`).
        case unchanged
    }

    /// A BIOS setting no probe can see, as a person confirmed it (or not).
    public struct ChecklistItem: Sendable, Equatable {
        public enum Confirmation: Sendable, Equatable {
            /// Confirmed at this run's prompt.
            case confirmed
            /// Confirmed in an earlier build log, for the same value: not asked again.
            case confirmedEarlier
            /// Asked, and the person said no.
            case declined
            /// Not asked (`--yes`, a dry run, or no answer).
            case notAsked

            public var isConfirmed: Bool { self == .confirmed || self == .confirmedEarlier }
        }

        public var setting: String
        public var value: String
        public var confirmation: Confirmation
        public init(setting: String, value: String, confirmation: Confirmation) {
            self.setting = setting
            self.value = value
            self.confirmation = confirmation
        }
    }

    /// One plan step as it went.
    public struct StepRecord: Sendable, Equatable {
        public enum Outcome: String, Sendable {
            case alreadyDone = "already done"
            case succeeded = "done"
            case failed
            case notRun = "not run"
            case wouldRun = "would run"
            /// A manual item not confirmed, or a reboot still to do.
            case needsPerson = "needs a person"
        }
        public var id: String
        public var title: String
        public var outcome: Outcome
        public var seconds: Double
        /// The last lines of output of a failed step.
        public var output: String?
        public init(id: String, title: String, outcome: Outcome, seconds: Double, output: String? = nil) {
            self.id = id
            self.title = title
            self.outcome = outcome
            self.seconds = seconds
            self.output = output
        }
    }

    public var machine: MachineSpec
    public var kind: Kind
    public var startedAt: Date
    public var rigctlVersion: String
    /// `git rev-parse --short HEAD` of the repo holding the spec, when it is a Git repo.
    public var specCommit: String?
    public var checklist: [ChecklistItem]
    public var steps: [StepRecord]
    /// Findings that were not ok before the run, and after the re-probe.
    public var driftBefore: [Finding]
    public var driftAfter: [Finding]?
    public var result: Result

    public init(machine: MachineSpec, kind: Kind, startedAt: Date, rigctlVersion: String, specCommit: String?,
                checklist: [ChecklistItem] = [], steps: [StepRecord] = [], driftBefore: [Finding] = [],
                driftAfter: [Finding]? = nil, result: Result) {
        self.machine = machine
        self.kind = kind
        self.startedAt = startedAt
        self.rigctlVersion = rigctlVersion
        self.specCommit = specCommit
        self.checklist = checklist
        self.steps = steps
        self.driftBefore = driftBefore
        self.driftAfter = driftAfter
        self.result = result
    }

    /// `build-logs/<machine>/20261122T171500Z-apply.md`, relative to the repo.
    public var relativePath: String {
        "build-logs/\(machine.name)/\(BuildLogEntry.timestamp(startedAt))-\(kind.rawValue).md"
    }

    /// Compact UTC timestamp that sorts as text: `20261122T171500Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// ISO 8601 in UTC: `2026-11-22T17:15:00Z`.
    public static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
