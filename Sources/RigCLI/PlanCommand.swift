import ArgumentParser
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

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the steps that would converge a machine to its spec (reads only).",
        discussion: """
        Steps come in order: package repos, packages, NVIDIA driver, CUDA, GPU settings, dotfiles, \
        hostname, the manual BIOS checklist, a reboot notice. Each step checks the machine first, \
        so the shell script and the playbook change nothing on a machine that already matches.
        Formats: text (the steps and their checks), shell (a bash script), ansible (a playbook).
        Exit codes: 0 plan printed; 1 plan printed, but a compatibility rule fails (on stderr); \
        2 no such machine or a spec that cannot be understood; 64 usage.
        """)

    @OptionGroup var selection: MachineArgument

    @Option(help: "Output format: text, shell or ansible.")
    var format: PlanFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let pipeline = Pipeline(repository: try repository.readOnly())
        let machine = try pipeline.select(selection.machine, hostname: { HostnameProber.read(on: pipeline.system) }).orExit()
        Report.problems(diagnostics: [], findings: machine.problems)
        let plan = Planner().plan(spec: machine.spec, dotfiles: machine.themeFiles)
        switch format {
        case .text: write(PlanTextEmitter().emit(plan))
        case .shell: write(ShellEmitter().emit(plan))
        case .ansible: write(AnsibleEmitter().emit(plan, inInventory: machine.spec.ssh != nil))
        }
        try Report.finish(machine)
    }
}

enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, shell, ansible
}
