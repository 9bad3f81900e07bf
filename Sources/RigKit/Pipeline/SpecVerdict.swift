import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigFit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// One machine spec judged as a whole: it loaded, its theme's palette is valid (so it renders), and
/// what the compatibility rules found.
package struct MachineVerdict: Sendable {
    package let spec: MachineSpec
    private let theme: ComputedOnce<[RenderedFile]>
    /// The theme files of the machine's home (none without `theme:`), rendered on first use and
    /// then shared: the plan, the playbook and `apply` use these files; `validate` needs only the
    /// palette's verdict, which `Palette(spec:)` gives without rendering a file. Rendering cannot fail
    /// once the palette is valid, so deferring it changes no verdict.
    package var themeFiles: [RenderedFile] { theme.value }
    /// Each rule's problems, or one `ok` finding naming the rule when it passes.
    package let compatibility: [Finding]

    /// The rules' problems, without the passes (kept: every report asks for them, some more than once).
    package let problems: [Finding]

    /// `findings` when a compatibility rule fails (warnings too with `strict`), else `clean`.
    package func status(strict: Bool) -> ExitStatus {
        problems.contains { AuditReport.fails($0, strict: strict) } ? .findings : .clean
    }

    init(spec: MachineSpec, palette: Palette?, compatibility: [Finding]) {
        self.spec = spec
        theme = ComputedOnce { palette.map(ThemeRenderer.render) ?? [] }
        self.compatibility = compatibility
        problems = compatibility.filter { $0.status != .ok }
    }
}

/// The verdict over a set of spec files: the machines that can be used, and the spec problems
/// (syntax, shape, includes, theme) of those that cannot. Every command reports these the same way
/// and leaves with the same code: 2 when a spec cannot be used, 1 when a rule fails.
package struct SpecVerdict: Sendable {
    package var machines: [MachineVerdict]
    /// Problems with file:line:col, sorted; a machine with any is not in `machines`.
    package var diagnostics: [Diagnostic]
    /// The spec files that cannot be used, by machine name.
    package var invalidMachines: [String]

    package func machine(_ name: String) -> MachineVerdict? { machines.first { $0.spec.name == name } }
    package var specs: [MachineSpec] { machines.map(\.spec) }
    package var problems: [Finding] { machines.flatMap(\.problems) }

    package func status(strict: Bool) -> ExitStatus {
        diagnostics.isEmpty ? machines.map { $0.status(strict: strict) }.max() ?? .clean : .badInput
    }
}

/// Computes `SpecVerdict`s: the one validator behind validate, generate, plan, diff, audit,
/// render and apply.
package struct SpecValidator: Sendable {
    package var rules: [any CompatibilityRule] { didSet { ruleSet = CompatibilityRules(rules) } }
    private var ruleSet: CompatibilityRules

    /// The rules `validate`, `audit` and every other command judge a spec by: the compatibility rules and the workload verdicts.
    package static let standardRules: [any CompatibilityRule] = CompatibilityCheck.standardRules + [WorkloadFit()]

    /// Files a core takes at a time: small enough that the cores finish together, large enough that
    /// taking the next chunk costs nothing next to judging it (a spec takes about 0.3 ms).
    static let filesPerChunk = 4

    package init(rules: [any CompatibilityRule] = SpecValidator.standardRules) {
        self.rules = rules
        ruleSet = CompatibilityRules(rules)
    }

    /// Judges `files`, reading through `system`; independent files are judged on all cores.
    package func judge(_ files: [String], system: any SystemReader) -> SpecVerdict {
        // One loader per core (a loader caches shared fragments and is not thread-safe), each taking a
        // few files at a time: a core that is descheduled on a shared machine delays only its chunk.
        var judged = ParallelMap.map(files, chunk: Self.filesPerChunk, worker: { Repository.loader(system) }) { loader, file in
            judge(file, loader: loader)
        }
        var verdict = SpecVerdict(machines: [], diagnostics: [], invalidMachines: [])
        verdict.machines.reserveCapacity(judged.count)
        for (index, file) in files.enumerated() {
            // Moved out, not copied: a copy of a verdict retained every field of its spec (and the copies were freed after).
            var result: Result<MachineVerdict, SpecError> = .failure(SpecError([]))
            swap(&result, &judged[index])
            switch result {
            case .success(let machine): verdict.machines.append(machine)
            case .failure(let error):
                verdict.diagnostics += error.diagnostics
                verdict.invalidMachines.append(SpecLoader.machineName(of: file))
            }
        }
        verdict.diagnostics.sort()
        return verdict
    }

    /// One file: loaded, theme rendered, rules run; or its spec problems.
    package func judge(_ file: String, loader: SpecLoader) -> Result<MachineVerdict, SpecError> {
        let spec: MachineSpec
        switch loader.load(file: file) {
        case .success(let loaded): spec = loaded
        case .failure(let error): return .failure(error)
        }
        // A workload rigctl cannot read (an unknown model, training quantized weights) is a spec error, not a finding.
        let workloadProblems = WorkloadResolver.diagnostics(spec)
        if !workloadProblems.isEmpty { return .failure(SpecError(workloadProblems)) }
        let palette: Palette?
        do throws(ThemeError) {
            palette = spec.theme == nil ? nil : try Palette(spec: spec)
        } catch {
            return .failure(SpecError([Diagnostic(at: error.location ?? SourceLocation(file: spec.file, line: 1, column: 1), error.message)]))
        }
        let compatibility = ruleSet.check(spec, passes: true)
        return .success(MachineVerdict(spec: spec, palette: palette, compatibility: compatibility))
    }
}
