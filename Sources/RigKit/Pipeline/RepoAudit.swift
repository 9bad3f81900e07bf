import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// `rigctl audit`: the CI gate over a rig repository. Every machine spec gets the one verdict
/// (`SpecValidator`: a spec that cannot be used is a diagnostic, exit 2; each rule that passes is
/// an `ok` finding, so JUnit shows it), then its recorded `build-logs/<m>/facts.json` must satisfy
/// the spec (a missing file is a warning), then `playbooks/` must be what `generate` writes.
/// Exit codes: see `AuditReport.exitCode` and `ExitStatus`.
package struct RepoAudit: Sendable {
    package var pipeline: Pipeline
    /// Manual items confirmed for a machine; by default read from its build logs.
    package var confirmations: @Sendable (MachineSpec) -> Set<SpecKeyPath>
    /// Whether `playbooks/` is checked.
    package var checksPlaybooks: Bool

    package init(pipeline: Pipeline, confirmations: (@Sendable (MachineSpec) -> Set<SpecKeyPath>)? = nil, checksPlaybooks: Bool = true) {
        self.pipeline = pipeline
        self.confirmations = confirmations ?? { [pipeline] in pipeline.confirmations(for: $0) }
        self.checksPlaybooks = checksPlaybooks
    }

    private var repository: Repository { pipeline.repository }

    /// Audits every machine. With `live`, recorded facts are not read: the machine named in it
    /// is compared with the live facts instead, the others get the spec verdict only.
    package func run(live: (machine: String, facts: Facts)? = nil) -> AuditReport {
        let verdict = pipeline.verdict()
        // Each machine is independent: facts are read and compared on all cores.
        let outcomes = ParallelMap.map(verdict.machines) { machine in
            let (findings, diagnostic) = self.machine(machine, live: live)
            return (findings: relative(findings), diagnostic: diagnostic)
        }
        var findings = outcomes.flatMap(\.findings)
        var diagnostics = verdict.diagnostics + outcomes.compactMap(\.diagnostic)
        // Names and files read through the verdicts: `verdict.specs` would copy every spec.
        let names = verdict.machines.map(\.spec.name)
        var files = Dictionary(verdict.machines.map { ($0.spec.name, repository.relative($0.spec.file)) }, uniquingKeysWith: { first, _ in first })
        var sections = names
        if checksPlaybooks {
            findings += PlaybookSyncCheck.findings(verdict, repository: repository).map(repository.relative)
            sections.append(PlaybookSyncCheck.section)
        }
        // The report holds what it needs of the verdicts; the rest is freed on the other core.
        BackgroundRelease.release(consume verdict)
        diagnostics = diagnostics.map(repository.relative)
        files[PlaybookSyncCheck.section] = nil
        // (Each machine's findings are made relative on its core; the playbooks check has no locations.)
        return AuditReport(machines: names, sections: sections, findings: findings,
                           diagnostics: diagnostics, files: files)
    }

    /// The findings with their files relative to the repository. A machine's findings are located
    /// in one or two files: each file is made relative (and its name looked up) once, not once per finding,
    /// and the findings are changed in place (they are this machine's own: no copy).
    private func relative(_ findings: consuming [Finding]) -> [Finding] {
        var findings = findings
        var last: (file: InternedNames.ID, relative: InternedNames.ID)?
        for index in findings.indices {
            guard let file = findings[index].location?.fileID else { continue }
            let relative: InternedNames.ID
            if let last, last.file == file {
                relative = last.relative
            } else {
                relative = InternedNames.files.id(of: repository.relative(InternedNames.files.name(of: file)))
                last = (file, relative)
            }
            if relative != file { findings[index].location?.fileID = relative }
        }
        return findings
    }

    /// One machine's findings, or the diagnostic of a recorded facts file that cannot be read.
    private func machine(_ verdict: MachineVerdict, live: (machine: String, facts: Facts)?) -> (findings: [Finding], diagnostic: Diagnostic?) {
        let spec = verdict.spec
        var findings = verdict.compatibility
        if let live {
            if live.machine == spec.name { findings += audit(spec, facts: live.facts, confirmations: confirmations(spec)) }
            return (findings, nil)
        }
        let file = repository.factsFile(spec.name)
        do {
            if let facts = try RecordedFacts.load(file, system: pipeline.system) {
                findings += audit(spec, facts: facts, confirmations: confirmations(spec))
            } else {
                let relative = repository.relative(file)
                findings.append(Finding(spec: spec, keyPath: SpecKeyPath(relative), status: .missing, severity: .warning,
                                        message: "no recorded facts (\(relative)): run `rigctl snapshot \(spec.name)` on the machine and commit the file"))
            }
        } catch {
            let relative = repository.relative(error.file)
            return (findings, Diagnostic(at: SourceLocation(file: relative, line: 1, column: 1),
                                         error.description.replacingEvery(error.file, with: relative)))
        }
        return (findings, nil)
    }
}
