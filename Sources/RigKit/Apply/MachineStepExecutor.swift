import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
/// Runs steps on the machine through `System`: every step but the dotfiles one as the very bash
/// function `rigctl plan --format shell` writes (`bash -c`), so the script and `apply` cannot drift
/// apart; the dotfiles through `ThemeInstaller`, which can also merge VS Code's settings.
package struct MachineStepExecutor: StepExecutor {
    package var system: any System
    package var dotfiles: DotfilesTarget
    /// How long a guard may take.
    package var checkTimeout: Duration
    /// How long an action may take (a driver install compiles kernel modules).
    package var runTimeout: Duration

    /// Whether rigctl runs as root; a step that needs root fails with a clear word otherwise.
    package var isRoot: Bool
    /// The machine's package manager, which the step scripts install with (the spec's system's).
    package var packages: SystemPackageManager

    package init(system: any System, dotfiles: DotfilesTarget, isRoot: Bool, packages: SystemPackageManager = .apt,
                checkTimeout: Duration = .seconds(120), runTimeout: Duration = .seconds(3600)) {
        self.system = system
        self.dotfiles = dotfiles
        self.isRoot = isRoot
        self.packages = packages
        self.checkTimeout = checkTimeout
        self.runTimeout = runTimeout
    }

    package func check(_ step: Step) async -> GuardCheck {
        if case .dotfiles(let files) = step.kind {
            switch DotfilesInstall(files: files, target: dotfiles, system: system).isCurrent() {
            case .success(let current): return current ? .holds : .fails
            case .failure(let error): return .error(error.description)
            }
        }
        let result = await bash(ShellEmitter(packages: packages).checkScript(step), timeout: checkTimeout)
        switch result.outcome {
        case .exited(0): return .holds
        case .exited(1): return .fails
        default: return .error(describe(result, program: "the check of \(step.id)"))
        }
    }

    package func run(_ step: Step) async -> StepRun {
        if case .dotfiles(let files) = step.kind {
            switch DotfilesInstall(files: files, target: dotfiles, system: system).install() {
            case .success(let report): return StepRun(succeeded: true, output: report.description)
            case .failure(let error): return StepRun(succeeded: false, output: "error: \(error)")
            }
        }
        if step.needsRoot && !isRoot {
            return StepRun(succeeded: false, output: "error: step \(step.id) needs root: run `sudo rigctl apply`")
        }
        let result = await bash(ShellEmitter(packages: packages).runScript(step), timeout: runTimeout)
        return StepRun(succeeded: result.succeeded, output: result.succeeded ? result.output : describe(result, program: step.id))
    }

    private func bash(_ script: String, timeout: Duration) async -> CommandResult {
        await system.run(["bash", "-c", script, "rigctl-apply"], input: nil, timeout: timeout)
    }

    /// The output, and how the command ended when it did not exit 0.
    private func describe(_ result: CommandResult, program: String) -> String {
        let output = result.output + result.errorOutput
        switch result.outcome {
        case .exited(0): return output
        case .exited(let status): return output + (output.hasSuffix("\n") || output.isEmpty ? "" : "\n") + "(exit status \(status))"
        default: return output + (result.failureReason(program: program) ?? "")
        }
    }
}
