import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// `rigctl apply` without the command line: selection, the gates (the spec's verdict, the host,
/// the lock, the home), the `Applier`, the build log and the summary. A gate that stops the run is
/// a `Refusal` (nothing was done). A dry run runs on a read-only system and writes nothing at all.
package struct ApplyRun: Sendable {
    package struct Options: Sendable {
        package var dryRun = false
        /// Apply even when this machine's hostname is not the spec's (a fresh machine).
        package var force = false
        /// The home the theme files go to; default `$HOME` (under sudo, the invoking user's).
        package var home: String?
        package var lockFile = ApplyLock.defaultPath
        package var probeTimeout: Duration = .seconds(5)
        package var isRoot = geteuid() == 0

        package init() {}
    }

    /// What `run` did: the Applier's outcome, the build log it wrote, and the closing line.
    package struct Report: Sendable {
        package var outcome: ApplyOutcome
        /// The build log written; nil for a dry run.
        package var buildLog: String?
        package var summary: String
        package var status: ExitStatus { outcome.converged ? .clean : .findings }
    }

    package var pipeline: Pipeline
    package var options: Options
    /// Who answers the BIOS checklist; nil with `--yes`.
    package var prompter: (any ChecklistPrompter)?
    package var progress: @Sendable (String) -> Void

    package init(pipeline: Pipeline, options: Options, prompter: (any ChecklistPrompter)?, progress: @escaping @Sendable (String) -> Void) {
        self.pipeline = pipeline
        self.options = options
        self.prompter = prompter
        self.progress = progress
    }

    package func run(_ argument: String?) async -> Result<Report, Refusal> {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = Date()
        let system = pipeline.system
        let liveHostname = await ProbeRunner.probe([.hostname], on: system).hostname ?? .unknown("not probed")
        let machine: MachineVerdict
        switch pipeline.select(argument, hostname: { liveHostname }) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let selected): machine = selected
        }
        let spec = machine.spec
        let file = pipeline.repository.relative(spec.file)
        let incompatible = machine.problems.filter { $0.severity == .error }
        if !incompatible.isEmpty {
            return .failure(Refusal("\(file) fails compatibility rules; nothing was done: fix the spec before applying it",
                                    findings: incompatible, status: .findings))
        }
        if let mismatch = HostnameGate.mismatch(spec: spec, live: liveHostname, file: file) {
            guard options.force else {
                return .failure(Refusal("\(mismatch); nothing was changed\n  if this is a fresh machine that is to become \(spec.name), "
                    + "run again with --force: the hostname step sets it"))
            }
            progress("--force: \(HostnameGate.seen(liveHostname)); the hostname step will set it to '\(spec.hostname)'")
        }
        // A dry run changes nothing, so it neither needs nor takes the lock.
        var lock: ApplyLock?
        if !options.dryRun {
            switch ApplyLock.acquire(at: options.lockFile) {
            case .success(let taken): lock = taken
            case .failure(let failure): return .failure(Refusal("\(failure)"))
            }
        }
        defer { withExtendedLifetime(lock) {} }
        let target: DotfilesTarget
        switch DotfilesTarget.resolve(explicitHome: options.home, system: system, isRoot: options.isRoot) {
        case .success(let resolved): target = resolved
        case .failure(let failure): return .failure(Refusal(failure.message))
        }

        progress("\(options.dryRun ? "dry run of" : "applying") \(spec.name) (\(file)) on \(liveHostname.value ?? "this machine")")
        let steps: any System = options.dryRun ? ReadOnlySystem(system) : system
        let applier = Applier(
            spec: spec, dotfiles: machine.themeFiles, system: steps,
            executor: MachineStepExecutor(system: steps, dotfiles: target, isRoot: options.isRoot, packages: spec.os.systemPackages),
            prompter: prompter, confirmations: pipeline.confirmations(for: spec),
            options: .init(dryRun: options.dryRun, probeTimeout: options.probeTimeout), progress: progress)
        let outcome = await applier.run()
        var report = Report(outcome: outcome, buildLog: nil, summary: "")
        if !options.dryRun {
            // The log names the spec as the repository sees it (machines/x.yaml), wherever rigctl ran from.
            var logged = spec
            logged.file = file
            let store = BuildLogStore(repository: pipeline.repository.root, system: system)
            let entry = BuildLogEntry(
                machine: logged, kind: .apply, startedAt: startedAt, rigctlVersion: RigctlVersion.current,
                specCommit: await store.specCommit(), checklist: outcome.checklist, steps: outcome.steps,
                driftBefore: outcome.findingsBefore, driftAfter: outcome.findingsAfter, result: outcome.result)
            do {
                report.buildLog = try store.write(entry, facts: outcome.factsAfter)
            } catch {
                return .failure(Refusal("the steps ran, but the build log cannot be written: \(error)", status: .findings))
            }
        }
        report.summary = Self.summary(outcome, elapsed: started.duration(to: clock.now))
            + (options.dryRun ? "; nothing was written" : "")
        return .success(report)
    }

    static func summary(_ outcome: ApplyOutcome, elapsed: Duration) -> String {
        let time = Applier.formatSeconds(Applier.seconds(elapsed))
        let checked = outcome.steps.count
        let open = outcome.findingsAfter.filter { AuditReport.fails($0, strict: false) }.map(\.keyPath.rawValue)
        let waiting = outcome.steps.filter { $0.outcome == .needsPerson }.map(\.id)
        switch outcome.result {
        case .converged where outcome.ranCount == 0:
            return "0 steps run: \(outcome.plan.machine) already matches its spec (\(checked) checked, \(time))"
        case .converged:
            return "converged: \(outcome.ranCount) step\(outcome.ranCount == 1 ? "" : "s") run (\(time))"
        case .failed:
            let failed = outcome.steps.first { $0.outcome == .failed }.map { "\($0.id)" } ?? "?"
            return "failed at \(failed) (\(time)); fix it and run apply again: it resumes there"
        case .unchanged:
            let would = outcome.steps.filter { $0.outcome == .wouldRun }.map(\.id)
            return "dry run: \(would.count) step\(would.count == 1 ? "" : "s") would run" + (would.isEmpty ? "" : " (\(would.joined(separator: ", ")))")
                + (waiting.isEmpty ? "" : "; waiting for a person: \(waiting.joined(separator: ", "))")
                + (open.isEmpty ? "" : "; drift: \(open.joined(separator: ", "))")
        case .notConverged:
            return "not converged (\(outcome.ranCount) step\(outcome.ranCount == 1 ? "" : "s") run, \(time))"
                + (waiting.isEmpty ? "" : "; waiting for a person: \(waiting.joined(separator: ", "))")
                + (open.isEmpty ? "" : "; drift left: \(open.joined(separator: ", "))")
        }
    }
}
