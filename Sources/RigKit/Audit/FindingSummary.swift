import RigSpec
import RigSystem
import RigProbe
/// Counts of findings by status, for summary lines ("12 ok, 1 drift, 2 manual").
package struct FindingSummary: Sendable, Equatable {
    package private(set) var counts: [Finding.Status: Int] = [:]
    /// Findings of severity error.
    package private(set) var errors = 0
    /// Findings of severity warning.
    package private(set) var warnings = 0

    package init(_ findings: [Finding]) {
        for finding in findings {
            counts[finding.status, default: 0] += 1
            if finding.severity == .error { errors += 1 }
            if finding.severity == .warning { warnings += 1 }
        }
    }

    package func count(_ status: Finding.Status) -> Int { counts[status] ?? 0 }

    /// `12 ok, 1 drift, 2 manual`: statuses in declaration order, zeros left out; `nothing compared` when empty.
    package var line: String {
        let parts = Finding.Status.allCases.compactMap { status in count(status) > 0 ? "\(count(status)) \(status.rawValue)" : nil }
        return parts.isEmpty ? "nothing compared" : parts.joined(separator: ", ")
    }
}

extension Array where Element == Finding {
    /// Key paths the machine satisfies, for the planner: every `ok` key path, plus each parent
    /// (`packages.apt`, `parts.gpus`) whose findings are all `ok`.
    package var satisfiedKeyPaths: Set<SpecKeyPath> {
        var ok: Set<SpecKeyPath> = []
        var failing: Set<SpecKeyPath> = []
        for finding in self {
            for path in finding.keyPath.lineage {
                if finding.status == .ok { ok.insert(path) } else { failing.insert(path) }
            }
        }
        return ok.subtracting(failing)
    }
}
