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

/// `rigctl audit`: the CI gate over the whole repository.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every spec, its compatibility and its recorded facts (the CI gate; reads only).",
        discussion: """
        For each machines/*.yaml: the spec's verdict (it loads, its theme renders, the \
        compatibility rules pass), and build-logs/<machine>/facts.json satisfies the spec (a \
        missing file is a warning); then playbooks/ is what rigctl generate writes. A spec that \
        cannot be used is reported once, by its error. --live [MACHINE] compares the machine this \
        runs on (by hostname, or MACHINE) with live facts instead of recorded ones. --format github \
        prints ::error annotations at the spec line for pull requests; junit writes JUnit XML.
        Exit codes: 0 clean; 1 an error finding (drift, missing part, incompatible parts, stale \
        playbooks), or any warning with --strict; 2 a spec or recorded facts file that cannot be \
        understood; 64 usage.
        """)

    @Argument(help: ArgumentHelp("With --live: the machine this is (default: by hostname).", valueName: "machine"),
              completion: .custom(MachineArgument.complete))
    var machine: String?

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: text, json, junit or github.")
    var format: AuditFormat = .text

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    @Flag(help: "Audit this machine's live facts instead of the recorded ones.")
    var live = false

    @Flag(help: "Also list what passes.")
    var verbose = false

    @OptionGroup var probe: ProbeOptions

    func validate() throws {
        if machine != nil && !live { throw ValidationError("a machine goes with --live (audit checks every machine)") }
    }

    func run() async throws {
        let pipeline = Pipeline(repository: try repository.readOnly(), timeout: probe.duration)
        var liveFacts: (machine: String, facts: Facts)?
        if live {
            let machine = try pipeline.select(machine, hostname: { HostnameProber.read(on: pipeline.system) }).orExit()
            liveFacts = (machine.spec.name, try await pipeline.facts(for: machine.spec, from: .live).orExit())
        }
        try AuditOutput.emit(RepoAudit(pipeline: pipeline).run(live: liveFacts), format: format, strict: strict, verbose: verbose)
    }
}
