import ArgumentParser
import RigKit
import RigSpec

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the steps that would converge a machine to its spec.",
        discussion: """
        Steps come in order: package repos, packages, NVIDIA driver, CUDA, GPU settings, dotfiles, \
        hostname, the manual BIOS checklist, a reboot notice. Each step checks the machine first, \
        so the shell script and the playbook change nothing on a machine that already matches.
        MACHINE is a name in machines/ or a spec file; without it, the spec whose hostname is \
        this machine's.
        Formats: text (the steps and their checks), shell (a bash script), ansible (a playbook).
        Exit codes: 0 plan printed; 2 the spec cannot be understood or no spec matches.
        """)

    @Argument(help: "The machine: a name in the machines directory or a spec file.", completion: .file(extensions: ["yaml", "yml"]))
    var machine: String?

    @Option(help: "Output format: text, shell or ansible.")
    var format: PlanFormat = .text

    @Option(help: "The directory of machine specs.", completion: .directory)
    var machines = "machines"

    func run() async throws {
        let spec: MachineSpec
        switch SpecLoader().loadMachine(machine, directory: machines, liveHostname: HostnameProber.read(on: LiveSystem()).value) {
        case .success(let selected): spec = selected
        case .failure(let error):
            ValidationReport(specs: [], diagnostics: error.diagnostics, findings: []).printText()
            throw RigExit.badInput
        }
        let dotfiles = try ThemeSpec.homeFiles(for: spec)
        let plan = Planner().plan(spec: spec, dotfiles: dotfiles)
        switch format {
        case .text: print(PlanTextEmitter().emit(plan), terminator: "")
        case .shell: print(ShellEmitter().emit(plan), terminator: "")
        case .ansible: print(AnsibleEmitter().emit(plan, inInventory: spec.ssh != nil), terminator: "")
        }
    }
}

enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, shell, ansible
}
