import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigAudit
import RigPlan
import RigSpec

/// One build-log entry: what an `apply` (or a dry run, or a snapshot) saw and did, made to be
/// read in a pull request. Rendered by `BuildLogMarkdown`, stored under `build-logs/<machine>/`.
package struct BuildLogEntry: Sendable {
    package enum Kind: String, Sendable, CaseIterable { case apply, dryRun = "dry-run", snapshot }

    package enum Result: String, Sendable {
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
    package struct ChecklistItem: Sendable, Equatable {
        package enum Confirmation: Sendable, Equatable {
            /// Confirmed at this run's prompt.
            case confirmed
            /// Confirmed in an earlier build log, for the same value: not asked again.
            case confirmedEarlier
            /// Asked, and the person said no.
            case declined
            /// Not asked (`--yes`, a dry run, or no answer).
            case notAsked

            package var isConfirmed: Bool { self == .confirmed || self == .confirmedEarlier }
        }

        package var setting: String
        package var value: String
        package var confirmation: Confirmation
        package init(setting: String, value: String, confirmation: Confirmation) {
            self.setting = setting
            self.value = value
            self.confirmation = confirmation
        }
    }

    /// One plan step as it went.
    package struct StepRecord: Sendable, Equatable {
        package enum Outcome: String, Sendable {
            case alreadyDone = "already done"
            case succeeded = "done"
            case failed
            case notRun = "not run"
            case wouldRun = "would run"
            /// A manual item not confirmed, or a reboot still to do.
            case needsPerson = "needs a person"
        }
        package var id: String
        package var title: String
        package var outcome: Outcome
        package var seconds: Double
        /// The last lines of output of a failed step.
        package var output: String?
        package init(id: String, title: String, outcome: Outcome, seconds: Double, output: String? = nil) {
            self.id = id
            self.title = title
            self.outcome = outcome
            self.seconds = seconds
            self.output = output
        }
    }

    package var machine: MachineSpec
    package var kind: Kind
    package var startedAt: Date
    package var rigctlVersion: String
    /// `git rev-parse --short HEAD` of the repo holding the spec, when it is a Git repo.
    package var specCommit: String?
    package var checklist: [ChecklistItem]
    package var steps: [StepRecord]
    /// Findings that were not ok before the run, and after the re-probe.
    package var driftBefore: [Finding]
    package var driftAfter: [Finding]?
    package var result: Result

    package init(machine: MachineSpec, kind: Kind, startedAt: Date, rigctlVersion: String, specCommit: String?,
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
    package var relativePath: String {
        "build-logs/\(machine.name)/\(BuildLogEntry.timestamp(startedAt))-\(kind.rawValue).md"
    }

    /// Compact UTC timestamp that sorts as text: `20261122T171500Z`.
    package static func timestamp(_ date: Date) -> String {
        UTCTime.compact(secondsSince1970: date.timeIntervalSince1970)
    }

    /// ISO 8601 in UTC: `2026-11-22T17:15:00Z`.
    package static func isoTime(_ date: Date) -> String {
        UTCTime.iso8601(secondsSince1970: date.timeIntervalSince1970)
    }
}
