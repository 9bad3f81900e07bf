import RigSpec
import RigSystem
import RigProbe

/// The outcome of `diff` or `audit`: findings per machine, plus the spec problems that stopped a
/// machine from being audited at all. Formatters live in `Report/`.
package struct AuditReport: Sendable, Equatable {
    /// The machines audited, by name, sorted; a machine with no findings still appears.
    package var machines: [String]
    /// The report's sections in order: the machines, then checks of the repository as a whole
    /// (`playbooks`), which are not machines.
    package var sections: [String]
    /// Every finding, in report order (`Finding.precedes`).
    package let findings: [Finding]
    /// The same findings by machine, for per-machine sections.
    private let byMachine: [String: [Finding]]
    /// Specs that cannot be understood (file:line:col), sorted.
    package var diagnostics: [Diagnostic]
    /// Machine name → its spec file, for headings.
    package var files: [String: String]

    package init(machines: [String], sections: [String]? = nil, findings: [Finding], diagnostics: [Diagnostic] = [], files: [String: String] = [:]) {
        self.machines = machines.sorted()
        self.sections = self.machines + (sections ?? []).filter { !machines.contains($0) }
        // Report order puts the machine first: sorting per machine is the same order, and cheaper
        // (and each machine's on its own core).
        let grouped = Self.grouped(findings)
        let names = grouped.keys.sorted()
        let sorted = ParallelMap.map(names) { grouped[$0, default: []].sortedForReport() }
        byMachine = Dictionary(uniqueKeysWithValues: zip(names, sorted))
        self.findings = sorted.flatMap { $0 }
        self.diagnostics = diagnostics.sorted()
        self.files = files
    }

    /// `findings` by machine, each group in the order given. The findings come in runs of one machine
    /// (`audit` gives each machine's together): one dictionary lookup per run, not one hash per finding.
    static func grouped(_ findings: [Finding]) -> [String: [Finding]] {
        var groups: [String: [Finding]] = [:]
        var start = findings.startIndex
        while start < findings.endIndex {
            let machine = findings[start].machine
            var end = start + 1
            while end < findings.endIndex, findings[end].machine == machine { end += 1 }
            groups[machine, default: []].append(contentsOf: findings[start..<end])
            start = end
        }
        return groups
    }

    /// The findings of one machine.
    package func findings(for machine: String) -> [Finding] { byMachine[machine] ?? [] }

    /// Whether `finding` fails the run: errors always, warnings too when `strict`.
    package static func fails(_ finding: Finding, strict: Bool) -> Bool {
        finding.severity == .error || (strict && finding.severity == .warning)
    }

    /// The exit code policy shared by `diff` and `audit`.
    package func exitCode(strict: Bool) -> ExitStatus {
        if !diagnostics.isEmpty { return .badInput }
        return findings.contains { Self.fails($0, strict: strict) } ? .findings : .clean
    }
}

/// rigctl's exit codes, the same for the same situation in every command (`rigctl --help`,
/// the README and docs/audit.md list them).
package enum ExitStatus: Int32, Sendable, Comparable {
    /// Every spec understood, no error finding (no warning either with `--strict`); `apply`: converged.
    case clean = 0
    /// Findings: drift, missing parts, incompatible parts, stale playbooks, a failed step (and with
    /// `--strict`, warnings: unknown facts, unconfirmed manual items, missing recorded facts).
    case findings = 1
    /// Refused, or input that cannot be understood: a spec, facts file or recorded host; no such
    /// machine; the wrong host; another apply running. Nothing was done.
    case badInput = 2
    /// A command line that cannot be parsed (unknown option, options that exclude each other).
    case usage = 64

    package static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
