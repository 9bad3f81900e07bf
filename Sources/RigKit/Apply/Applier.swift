import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigSpec

/// `rigctl apply` without the command line: probe, diff, plan, then each step in order (guard,
/// action, guard again), stop at the first failure, re-probe, and say whether the machine converged.
/// Everything it touches goes through `system` and `executor`; the caller holds the lock and writes
/// the build log from the outcome.
package struct Applier: Sendable {
    package struct Options: Sendable {
        /// Check every guard, change nothing.
        package var dryRun = false
        /// How long each probe source may take.
        package var probeTimeout: Duration = .seconds(5)

        package init(dryRun: Bool = false, probeTimeout: Duration = .seconds(5)) {
            self.dryRun = dryRun
            self.probeTimeout = probeTimeout
        }
    }

    package var spec: MachineSpec
    /// The theme files for the dotfiles step (`ThemeRenderer.homeFiles(for:)`).
    package var dotfiles: [RenderedFile]
    package var system: any System
    package var executor: any StepExecutor
    /// Who answers the BIOS checklist; nil with `--yes` (items are then recorded as not asked).
    package var prompter: (any ChecklistPrompter)?
    /// Manual items confirmed in earlier build logs (`BuildLogHistory.confirmations`).
    package var confirmations: Set<SpecKeyPath>
    package var options: Options
    /// Receives one line per event: `[2/9] Install 1 apt package`, `      done (3.2 s)`.
    package var progress: @Sendable (String) -> Void

    package init(spec: MachineSpec, dotfiles: [RenderedFile], system: any System, executor: any StepExecutor,
                prompter: (any ChecklistPrompter)?, confirmations: Set<SpecKeyPath>, options: Options = Options(),
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.spec = spec
        self.dotfiles = dotfiles
        self.system = system
        self.executor = executor
        self.prompter = prompter
        self.confirmations = confirmations
        self.options = options
        self.progress = progress
    }

    /// The fact groups probed before and after: what the audit needs, plus what `facts.json` records.
    var probeGroups: Set<FactGroup> { FactNeeds.groups(for: spec).union(FactGroup.standard) }

    package func run() async -> ApplyOutcome {
        let factsBefore = await ProbeRunner.probe(probeGroups, on: system, timeout: options.probeTimeout)
        let findingsBefore = audit(spec, facts: factsBefore, confirmations: confirmations)
        let plan = Planner().plan(spec: spec, findings: findingsBefore, dotfiles: dotfiles)

        var run = StepLoop(total: plan.steps.count, confirmed: confirmations)
        for (offset, step) in plan.steps.enumerated() {
            guard !run.stopped else {
                run.records.append(.init(id: step.id, title: step.title, outcome: .notRun, seconds: 0))
                continue
            }
            progress("[\(offset + 1)/\(plan.steps.count)] \(step.title)")
            let clock = ContinuousClock()
            let started = clock.now
            var record = await perform(step, loop: &run)
            record.seconds = Self.seconds(clock.now - started)
            progress("      " + Self.describe(record))
            if record.outcome == .failed {
                run.stopped = true
                if let output = record.output, !output.isEmpty {
                    progress(output.split(separator: "\n", omittingEmptySubsequences: false).map { "      | " + $0 }.joined(separator: "\n"))
                }
            }
            run.records.append(record)
        }

        let factsAfter = options.dryRun ? factsBefore : await ProbeRunner.probe(probeGroups, on: system, timeout: options.probeTimeout)
        let findingsAfter = audit(spec, facts: factsAfter, confirmations: run.confirmed)
        return ApplyOutcome(plan: plan, steps: run.records, checklist: run.checklist, findingsBefore: findingsBefore,
                            findingsAfter: findingsAfter, factsAfter: factsAfter,
                            result: Self.result(run.records, findingsAfter: findingsAfter, dryRun: options.dryRun))
    }

    /// What the loop carries from step to step.
    struct StepLoop {
        var total: Int
        var confirmed: Set<SpecKeyPath>
        var records: [BuildLogEntry.StepRecord] = []
        var checklist: [BuildLogEntry.ChecklistItem] = []
        var stopped = false
    }

    private func perform(_ step: Step, loop: inout StepLoop) async -> BuildLogEntry.StepRecord {
        func record(_ outcome: BuildLogEntry.StepRecord.Outcome, _ output: String? = nil) -> BuildLogEntry.StepRecord {
            .init(id: step.id, title: step.title, outcome: outcome, seconds: 0, output: output)
        }
        switch step.kind {
        case .manual(let item):
            // Done without a person's word: the probe saw it (secure boot, IOMMU). Not a checklist item.
            if step.status == .done && !step.fixes.allSatisfy(confirmations.contains) { return record(.alreadyDone) }
            let confirmation = await confirm(item, step: step)
            loop.checklist.append(.init(setting: item.setting, value: item.value, confirmation: confirmation))
            switch confirmation {
            case .confirmed:
                loop.confirmed.formUnion(step.fixes)
                return record(.succeeded)
            case .confirmedEarlier: return record(.alreadyDone)
            case .declined, .notAsked: return record(.needsPerson)
            }

        case .rebootNotice:
            switch await executor.check(step) {
            case .holds: return record(.alreadyDone)
            case .fails: return record(.needsPerson, "the installed NVIDIA kernel module is not the loaded one: reboot to load it")
            case .error(let why): return record(.needsPerson, why)
            }

        default:
            if step.status == .done { return record(.alreadyDone) }
            switch await executor.check(step) {
            case .holds: return record(.alreadyDone)
            case .error(let why): return record(.failed, "its check could not run: \(why)")
            case .fails: break
            }
            if options.dryRun { return record(.wouldRun) }
            let ran = await executor.run(step)
            guard ran.succeeded else { return record(.failed, Self.tail(ran.output)) }
            switch await executor.check(step) {
            case .holds: return record(.succeeded)
            case .fails: return record(.failed, Self.tail(ran.output) + "\nthe step ran, but its check still fails: \(step.check.summary)")
            case .error(let why): return record(.failed, "its check could not run after the step: \(why)")
            }
        }
    }

    private func confirm(_ item: ChecklistItem, step: Step) async -> BuildLogEntry.ChecklistItem.Confirmation {
        if step.status == .done { return .confirmedEarlier }
        guard !options.dryRun, let prompter else { return .notAsked }
        switch await prompter.confirm(item) {
        case true?: return .confirmed
        case false?: return .declined
        case nil: return .notAsked
        }
    }

    static func result(_ records: [BuildLogEntry.StepRecord], findingsAfter: [Finding], dryRun: Bool) -> BuildLogEntry.Result {
        if records.contains(where: { $0.outcome == .failed }) { return .failed }
        let open = records.contains { $0.outcome == .needsPerson || $0.outcome == .wouldRun }
            || findingsAfter.contains { AuditReport.fails($0, strict: false) }
        if !open { return .converged }
        return dryRun ? .unchanged : .notConverged
    }

    static func describe(_ record: BuildLogEntry.StepRecord) -> String {
        let time = formatSeconds(record.seconds)
        switch record.outcome {
        case .alreadyDone: return "ok: already done (\(time))"
        case .succeeded: return "done (\(time))"
        case .failed: return "FAILED (\(time))"
        case .wouldRun: return "would run: its check fails (\(time))"
        case .needsPerson: return "needs a person: " + (record.output ?? "not confirmed")
        case .notRun: return "not run"
        }
    }

    /// The last 40 lines: enough to see why apt or a script failed, short enough for a build log.
    static func tail(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = lines.last == "" ? lines.dropLast() : lines[...]
        guard trimmed.count > 40 else { return trimmed.joined(separator: "\n") }
        return "… (\(trimmed.count - 40) earlier lines)\n" + trimmed.suffix(40).joined(separator: "\n")
    }

    package static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `0.04 s`, `12.3 s`: how progress lines and the summary print a time.
    package static func formatSeconds(_ seconds: Double) -> String {
        String(cFormat: seconds < 10 ? "%.2f s" : "%.1f s", seconds)
    }
}

/// What an apply saw and did: the build log's contents.
package struct ApplyOutcome: Sendable {
    package var plan: Plan
    package var steps: [BuildLogEntry.StepRecord]
    package var checklist: [BuildLogEntry.ChecklistItem]
    package var findingsBefore: [Finding]
    package var findingsAfter: [Finding]
    /// The re-probed facts (the facts before, for a dry run): what `facts.json` is refreshed with.
    package var factsAfter: Facts
    package var result: BuildLogEntry.Result

    /// Steps whose action ran (succeeded or failed).
    package var ranCount: Int { steps.filter { $0.outcome == .succeeded || $0.outcome == .failed }.count }
    package var converged: Bool { result == .converged }
}
