import Foundation
import RigSpec

/// `rigctl audit`: the CI gate over a rig repository. For every machine in `machines/`:
/// the spec loads (else a diagnostic, exit 2), the compatibility rules pass (each rule that
/// passes is an `ok` finding, so JUnit shows it), and its recorded `build-logs/<m>/facts.json`
/// satisfies the spec (a missing file is a warning). Playbooks in sync is a hook (`playbooks`).
/// Exit codes: see `AuditReport.exitCode` and `AuditExitCode`.
public struct RepoAudit: Sendable {
    /// The repository root (holds `machines/` and `build-logs/`).
    public var repository: String
    /// Reads facts and build logs.
    public var system: any System
    public var rules: [any CompatibilityRule]
    /// Manual items confirmed for a machine; by default read from its build logs.
    public var confirmations: @Sendable (MachineSpec, _ repository: String, any System) -> Set<String>
    /// "Playbooks in sync": findings about `playbooks/` for all loaded specs (the plan helper's
    /// `PlaybookGenerator.check` fills it); nil skips the check.
    public var playbooks: (@Sendable ([MachineSpec], _ repository: String, any System) -> [Finding])?

    public init(repository: String, system: any System = LiveSystem(),
                rules: [any CompatibilityRule] = CompatibilityCheck.standardRules,
                confirmations: @escaping @Sendable (MachineSpec, String, any System) -> Set<String> = { spec, repository, system in
                    BuildLogHistory.confirmations(for: spec, repo: repository, system: system)
                },
                playbooks: (@Sendable ([MachineSpec], String, any System) -> [Finding])? = nil) {
        self.repository = repository
        self.system = system
        self.rules = rules
        self.confirmations = confirmations
        self.playbooks = playbooks
    }

    /// Audits every machine. With `live`, recorded facts are not read: the machine named in it
    /// is compared with the live facts instead, the others get spec and compatibility checks only.
    public func run(live: (machine: String, facts: Facts)? = nil) -> AuditReport {
        let directory = path("machines")
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        if system.fileExists(directory), let names = try? system.listDirectory(directory) {
            files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path("machines/\($0)") }
        }
        if files.isEmpty {
            diagnostics.append(Diagnostic(at: SourceLocation(file: relative(directory), line: 1, column: 1),
                                          "no machine specs (*.yaml) here: nothing to audit"))
        }
        // One loader per core, each over a contiguous slice of the files (a loader is not thread-safe).
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let slices = stride(from: 0, to: files.count, by: max(1, (files.count + cores - 1) / cores)).map {
            Array(files[$0..<min($0 + max(1, (files.count + cores - 1) / cores), files.count)])
        }
        let loaded = ParallelMap.map(slices) { [system] slice in
            SpecLoader(readFile: { file in try? system.readText(file) }).loadAll(slice)
        }
        diagnostics += loaded.flatMap(\.diagnostics).map(relative)
        let specs = loaded.flatMap(\.specs)
        // Each machine is independent: compatibility, facts and audit run on all cores.
        let outcomes = ParallelMap.map(specs) { machine($0, live: live) }
        var findings = outcomes.flatMap(\.findings)
        diagnostics += outcomes.compactMap(\.diagnostic)
        if let playbooks { findings += playbooks(specs, repository, system) }
        let names = Set(specs.map(\.name)).union(findings.map(\.machine))
        return AuditReport(machines: Array(names), findings: findings.map(relative), diagnostics: diagnostics,
                           files: Dictionary(specs.map { ($0.name, relative($0.file)) }, uniquingKeysWith: { first, _ in first }))
    }

    /// One machine's findings, or the diagnostic of a recorded facts file that cannot be read.
    private func machine(_ spec: MachineSpec, live: (machine: String, facts: Facts)?) -> (findings: [Finding], diagnostic: Diagnostic?) {
        var findings = compatibility(spec)
        if let live {
            if live.machine == spec.name { findings += audit(spec, facts: live.facts, confirmations: confirmations(spec, repository, system)) }
            return (findings, nil)
        }
        switch recordedFacts(spec) {
        case .success(let facts?):
            findings += audit(spec, facts: facts, confirmations: confirmations(spec, repository, system))
        case .success(nil):
            let file = "build-logs/\(spec.name)/facts.json"
            findings.append(Finding(spec: spec, keyPath: file, status: .missing, severity: .warning,
                                    message: "no recorded facts (\(file)): run `rigctl snapshot \(spec.name)` on the machine and commit the file"))
        case .failure(let error):
            let file = relative(error.file)
            return (findings, Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                         error.description.replacingOccurrences(of: error.file, with: file)))
        }
        return (findings, nil)
    }

    /// Each rule's problems, or one `ok` finding naming the rule when it passes.
    func compatibility(_ spec: MachineSpec) -> [Finding] {
        rules.flatMap { rule -> [Finding] in
            let found = rule.check(spec)
            if !found.isEmpty { return found }
            return [Finding(machine: spec.name, keyPath: "", status: .ok, severity: .info, message: "passes: \(rule.summary)", rule: rule.id)]
        }
    }

    private func recordedFacts(_ spec: MachineSpec) -> Result<Facts?, RecordedFacts.LoadError> {
        Result { () throws(RecordedFacts.LoadError) -> Facts? in
            try RecordedFacts.load(RecordedFacts.path(repository: repository, machine: spec.name), system: system)
        }
    }

    private func path(_ child: String) -> String { repository == "." ? child : "\(repository)/\(child)" }

    /// Paths in reports are relative to the repository, as GitHub annotations need.
    private func relative(_ file: String) -> String {
        let prefix = repository.hasSuffix("/") ? repository : repository + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    private func relative(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.location.file = relative(diagnostic.location.file)
        return copy
    }

    private func relative(_ finding: Finding) -> Finding {
        var copy = finding
        copy.location?.file = relative(finding.location?.file ?? "")
        return copy
    }
}
