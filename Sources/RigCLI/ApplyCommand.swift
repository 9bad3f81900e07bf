import ArgumentParser
import Foundation
import RigKit
import RigSpec

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Bring this machine to its spec: probe, diff, plan, run the steps, re-probe, write a build log.",
        discussion: """
        Runs each step of `rigctl plan` in order: its check first (a step already done is skipped), \
        then its action (the same bash function `plan --format shell` writes; the theme through the \
        installer, which also merges VS Code's settings), then the check again. Stops at the first \
        failing step and prints its output; the next apply resumes there. Manual BIOS steps are asked \
        as a checklist (y/N); with --yes they are recorded as not confirmed. Every run, dry or not, \
        writes build-logs/<machine>/<UTC time>-apply.md (-dry-run.md) and refreshes facts.json.
        Refuses when this machine's hostname is not the spec's: on a fresh machine that is to become \
        that machine, --force runs anyway and the hostname step renames it. One apply at a time \
        (a lock in /run/lock).
        Exit codes: 0 converged (a dry run: nothing to do); 1 a step failed, or the machine has not \
        converged (drift left, a BIOS item not confirmed, a reboot pending; a dry run: steps would \
        run); 2 nothing was done: no such machine, a spec or theme that cannot be used, a failed \
        compatibility rule, the wrong host without --force, or another apply running.
        """)

    @Argument(help: "The machine (its spec file name without .yaml); default: the spec whose hostname is this machine's.")
    var machine: String?

    @Flag(help: "Check every step and show what would run; change nothing but the build log.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask: manual BIOS steps are recorded as not confirmed.")
    var yes = false

    @Flag(help: "Apply even when this machine's hostname is not the spec's (a fresh machine: the hostname step sets it).")
    var force = false

    @Option(help: ArgumentHelp("The rig repository (holds machines/ and build-logs/).", valueName: "DIR"))
    var repo: String = "."

    @Option(help: ArgumentHelp("The home the theme files go to (default: $HOME; under sudo, the invoking user's).", valueName: "DIR"))
    var home: String?

    @Option(help: ArgumentHelp("The lock file that keeps two applies apart.", valueName: "FILE"))
    var lockFile: String = ApplyLock.defaultPath

    @Option(help: "Seconds each probe source may take.")
    var timeout: Double = 5

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }

    func run() async throws {
        let system = LiveSystem()
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = Date()
        let liveHostname = HostnameProber.read(on: system)
        let repository = MachineDiff(repository: repo, system: system)
        let spec: MachineSpec
        switch repository.selectSpec(machine: machine, hostname: liveHostname) {
        case .success(let selected): spec = selected
        case .failure(let failure): throw AuditOutput.fail(failure)
        }
        let dotfiles = try ThemeSpec.homeFiles(for: spec)
        let incompatible = checkCompatibility(spec).filter { $0.severity == .error }
        if !incompatible.isEmpty {
            ValidationReport(specs: [], diagnostics: [], findings: incompatible).printText()
            printError("error: \(spec.file) fails compatibility rules; fix the spec before applying it")
            throw RigExit.badInput
        }
        try checkHostname(spec: spec, live: liveHostname)

        let lock: ApplyLock
        switch ApplyLock.acquire(at: lockFile) {
        case .success(let taken): lock = taken
        case .failure(let failure):
            printError("error: \(failure)")
            throw RigExit.badInput
        }
        defer { withExtendedLifetime(lock) {} }

        let target: DotfilesTarget
        switch DotfilesTarget.resolve(explicitHome: home, system: system, isRoot: geteuid() == 0) {
        case .success(let resolved): target = resolved
        case .failure(let failure):
            printError("error: \(failure)")
            throw RigExit.badInput
        }

        let style = TerminalStyle.stdout
        say(style.bold("\(dryRun ? "dry run of" : "applying") \(spec.name)") + " (\(spec.file)) on \(liveHostname.value ?? "this machine")")
        let applier = Applier(
            spec: spec, dotfiles: dotfiles, system: system,
            executor: MachineStepExecutor(system: system, dotfiles: target, isRoot: geteuid() == 0),
            prompter: yes ? nil : TerminalPrompter(),
            confirmations: BuildLogHistory.confirmations(for: spec, repo: repo, system: system),
            options: .init(dryRun: dryRun, probeTimeout: .milliseconds(Int(timeout * 1000))),
            progress: { say($0) })
        let outcome = await applier.run()

        let store = BuildLogStore(repository: repo, system: system)
        // The log names the spec as the repository sees it (machines/x.yaml), wherever rigctl ran from.
        var logged = spec
        let prefix = repo.hasSuffix("/") ? repo : repo + "/"
        if logged.file.hasPrefix(prefix) { logged.file = String(logged.file.dropFirst(prefix.count)) }
        let entry = BuildLogEntry(
            machine: logged, kind: dryRun ? .dryRun : .apply, startedAt: startedAt, rigctlVersion: RigctlVersion.current,
            specCommit: await store.specCommit(), checklist: outcome.checklist, steps: outcome.steps,
            driftBefore: outcome.findingsBefore, driftAfter: dryRun ? nil : outcome.findingsAfter, result: outcome.result)
        do {
            let path = try store.write(entry, facts: outcome.factsAfter)
            say("build log: \(path)")
        } catch {
            printError("error: cannot write the build log: \(error)")
            throw RigExit.findings
        }
        say(summary(outcome, elapsed: started.duration(to: clock.now)))
        if !outcome.converged { throw RigExit.findings }
    }

    /// The live hostname must be the spec's, unless --force says this is the machine to become it.
    private func checkHostname(spec: MachineSpec, live: Fact<String>) throws {
        if let name = live.value, name.lowercased() == spec.hostname.lowercased() { return }
        let seen = live.value.map { "this machine's hostname is '\($0)'" } ?? "this machine's hostname is unknown (\(live.reason ?? "not read"))"
        if force {
            say("--force: \(seen); the hostname step will set it to '\(spec.hostname)'")
            return
        }
        printError("error: \(seen), but \(spec.file) is for '\(spec.hostname)'; nothing was changed")
        printError("  if this is a fresh machine that is to become \(spec.name), run again with --force: the hostname step sets it")
        throw RigExit.badInput
    }

    private func summary(_ outcome: ApplyOutcome, elapsed: Duration) -> String {
        let time = Applier.formatSeconds(Applier.seconds(elapsed))
        let checked = outcome.steps.count
        let open = outcome.findingsAfter.filter { AuditReport.fails($0, strict: false) }.map(\.keyPath)
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

/// Prints a line at once, so progress shows while a long step runs even when stdout is a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Asks on the terminal: `confirm: BIOS: set xmp to profile-1 — done? [y/N]`.
struct TerminalPrompter: ChecklistPrompter {
    func confirm(_ item: ChecklistItem) async -> Bool? {
        FileHandle.standardOutput.write(Data("      is this done: \(item.text)? [y/N] ".utf8))
        guard let answer = readLine() else {
            say("")
            return nil
        }
        if isatty(STDIN_FILENO) == 0 { say(answer) }   // a piped answer is not echoed: show it
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
