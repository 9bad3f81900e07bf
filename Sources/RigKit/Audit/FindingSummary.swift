import RigSpec
import RigSystem
import RigProbe
/// Counts of findings by status, for summary lines ("12 ok, 1 drift, 2 manual").
public struct FindingSummary: Sendable, Equatable {
    public private(set) var counts: [Finding.Status: Int] = [:]
    /// Findings of severity error.
    public private(set) var errors = 0
    /// Findings of severity warning.
    public private(set) var warnings = 0

    public init(_ findings: [Finding]) {
        for finding in findings {
            counts[finding.status, default: 0] += 1
            if finding.severity == .error { errors += 1 }
            if finding.severity == .warning { warnings += 1 }
        }
    }

    public func count(_ status: Finding.Status) -> Int { counts[status] ?? 0 }

    /// `12 ok, 1 drift, 2 manual`: statuses in declaration order, zeros left out; `nothing compared` when empty.
    public var line: String {
        let parts = Finding.Status.allCases.compactMap { status in count(status) > 0 ? "\(count(status)) \(status.rawValue)" : nil }
        return parts.isEmpty ? "nothing compared" : parts.joined(separator: ", ")
    }
}

extension Array where Element == Finding {
    /// Key paths the machine satisfies, for the planner: every `ok` key path, plus each parent
    /// (`packages.apt`, `parts.gpus`) whose findings are all `ok`.
    public var satisfiedKeyPaths: Set<SpecKeyPath> {
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
