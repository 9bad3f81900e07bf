import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RigText
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
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
        as a checklist (y/N); with --yes they are recorded as not confirmed. Writes \
        build-logs/<machine>/<UTC time>-apply.md and refreshes facts.json.
        --dry-run checks every step on a read-only system and writes nothing at all (no build log, \
        no facts.json, no lock).
        Refuses when this machine's hostname is not the spec's: on a fresh machine that is to become \
        that machine, --force runs anyway and the hostname step renames it. One apply at a time \
        (a lock in /run/lock).
        Exit codes: 0 converged (a dry run: nothing to do); 1 a step failed, the machine has not \
        converged (drift left, a BIOS item not confirmed, a reboot pending; a dry run: steps would \
        run), or the spec fails a compatibility rule (nothing was done); 2 nothing was done: no such \
        machine, a spec or theme that cannot be used, the wrong host without --force, or another \
        apply running; 64 usage.
        --ssh runs the same apply on the machine itself: rigctl copies its binary (or \
        --remote-binary), the spec with its includes and the build logs to a private temporary \
        directory there, runs apply on this terminal (a TTY when there is one, so the checklist and \
        sudo can ask), brings the build log and facts.json back into build-logs/<machine>/ and \
        removes the directory. Exit codes as above, from the remote; a lost connection is 1 (run \
        again: apply resumes).
        """)

    @OptionGroup var selection: MachineArgument

    @Flag(help: "Check every step and show what would run; write nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask: manual BIOS steps are recorded as not confirmed.")
    var yes = false

    @Flag(help: "Apply even when this machine's hostname is not the spec's (a fresh machine: the hostname step sets it).")
    var force = false

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The home the theme files go to (default: $HOME; under sudo, the invoking user's).", valueName: "DIR"), completion: .directory)
    var home: String?

    @Option(help: ArgumentHelp("The lock file that keeps two applies apart.", valueName: "FILE"))
    var lockFile: String = ApplyLock.defaultPath

    @OptionGroup var probe: ProbeOptions

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        if remote.ssh {
            var arguments: [String] = []
            if dryRun { arguments.append("--dry-run") }
            if yes { arguments.append("--yes") }
            if force { arguments.append("--force") }
            if let home { arguments += ["--home", home] }
            arguments += ["--timeout", String(probe.timeout)]
            try await remote.run(.apply, machine: selection.machine, arguments: arguments, repository: try repository.locate(LiveSystem()))
        }
        var options = ApplyRun.Options()
        options.dryRun = dryRun
        options.force = force
        options.home = home
        options.lockFile = lockFile
        options.probeTimeout = probe.duration
        let system: any System = dryRun ? ReadOnlySystem(LiveSystem()) : LiveSystem()
        let run = ApplyRun(pipeline: Pipeline(repository: try repository.locate(system), timeout: probe.duration),
                           options: options, prompter: yes ? nil : TerminalPrompter(), progress: { say($0) })
        let report = try await run.run(selection.machine).orExit()
        if let log = report.buildLog { say("build log: \(log)") }
        say(report.summary)
        if report.status != .clean { throw ExitCode(report.status) }
    }
}

/// Asks on the terminal: `is this done: BIOS: set xmp to profile-1? [y/N]`.
struct TerminalPrompter: ChecklistPrompter {
    func confirm(_ item: ChecklistItem) async -> Bool? {
        write("      is this done: \(item.text)? [y/N] ")
        guard let answer = readLine() else {
            say("")
            return nil
        }
        if isatty(STDIN_FILENO) == 0 { say(answer) }   // a piped answer is not echoed: show it
        return ["y", "yes"].contains(answer.trimmed(.whitespaces).lowercased())
    }
}
