import ArgumentParser
import RigKit

/// `rigctl audit`: the CI gate over the whole repository.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every spec, its compatibility and its recorded facts (the CI gate).",
        discussion: """
        For each machines/*.yaml: the spec loads, the compatibility rules pass, and \
        build-logs/<machine>/facts.json satisfies the spec (a missing file is a warning). \
        --live compares the machine this runs on with live facts instead of recorded ones. \
        --format github prints ::error annotations at the spec line for pull requests; junit \
        writes JUnit XML for test views.
        Exit codes: 0 clean; 1 an error finding (drift, missing part, incompatible parts), or \
        any warning with --strict; 2 a spec or recorded facts file that cannot be understood.
        """)

    @Option(help: ArgumentHelp("The rig repository (holds machines/ and build-logs/).", valueName: "DIR"))
    var repo: String = "."

    @Option(help: "Output format: text, json, junit or github.")
    var format: AuditFormat = .text

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    @Flag(help: "Audit this machine's live facts instead of the recorded ones.")
    var live = false

    @Flag(help: "Also list what passes.")
    var verbose = false

    func run() async throws {
        var liveFacts: (machine: String, facts: Facts)?
        if live {
            switch await MachineDiff(repository: repo).machineFacts(machine: nil, source: .live) {
            case .failure(let failure): throw AuditOutput.fail(failure)
            case .success(let (spec, facts)): liveFacts = (spec.name, facts)
            }
        }
        let report = RepoAudit(repository: repo, playbooks: PlaybookSyncCheck.findings).run(live: liveFacts)
        try AuditOutput.emit(report, format: format, strict: strict, verbose: verbose)
    }
}
