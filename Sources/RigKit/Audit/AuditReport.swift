import RigSpec

/// The outcome of `diff` or `audit`: findings per machine, plus the spec problems that stopped a
/// machine from being audited at all. Formatters live in `Report/`.
public struct AuditReport: Sendable, Equatable {
    /// The machines audited, by name, sorted; a machine with no findings still appears.
    public var machines: [String]
    /// Every finding, in report order (`Finding.precedes`).
    public let findings: [Finding]
    /// The same findings by machine, for per-machine sections.
    private let byMachine: [String: [Finding]]
    /// Specs that cannot be understood (file:line:col), sorted.
    public var diagnostics: [Diagnostic]
    /// Machine name → its spec file, for headings.
    public var files: [String: String]

    public init(machines: [String], findings: [Finding], diagnostics: [Diagnostic] = [], files: [String: String] = [:]) {
        self.machines = machines.sorted()
        // Report order puts the machine first: sorting per machine is the same order, and cheaper.
        let grouped = Dictionary(grouping: findings, by: \.machine).mapValues { $0.sortedForReport() }
        byMachine = grouped
        self.findings = grouped.keys.sorted().flatMap { grouped[$0] ?? [] }
        self.diagnostics = diagnostics.sorted()
        self.files = files
    }

    /// The findings of one machine.
    public func findings(for machine: String) -> [Finding] { byMachine[machine] ?? [] }

    /// Whether `finding` fails the run: errors always, warnings too when `strict`.
    public static func fails(_ finding: Finding, strict: Bool) -> Bool {
        finding.severity == .error || (strict && finding.severity == .warning)
    }

    /// The exit code policy shared by `diff` and `audit`.
    public func exitCode(strict: Bool) -> AuditExitCode {
        if !diagnostics.isEmpty { return .badInput }
        return findings.contains { Self.fails($0, strict: strict) } ? .findings : .clean
    }
}

/// The exit codes of `diff` and `audit` (documented in `rigctl help audit` and docs/audit.md).
public enum AuditExitCode: Int32, Sendable {
    /// Every spec understood, no error finding (no warning either with `--strict`).
    case clean = 0
    /// Drift, missing parts, incompatible parts, stale playbooks (and with `--strict`, warnings:
    /// unknown facts, unconfirmed manual items, missing recorded facts).
    case findings = 1
    /// A spec, facts file or recorded host that cannot be understood.
    case badInput = 2
}
