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

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the Ansible playbooks and inventory from the machine specs.",
        discussion: """
        Writes playbooks/<machine>.yml for every spec (its theme files included), playbooks/site.yml \
        importing the machines that have ssh:, and playbooks/inventory.yml from their ssh: (group \
        rigs). Removes playbooks it wrote for machines that are gone; leaves other files alone. \
        Writes nothing while any spec cannot be used.
        With --check, writes nothing and fails when a file is missing, stale or extra.
        Exit codes: 0 written or in sync; 1 out of sync (--check), a file could not be written, \
        or a compatibility rule failed; 2 a spec cannot be understood; 64 usage.
        """)

    @Flag(help: "Only compare; fail when the playbooks are not what the specs generate.")
    var check = false

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let repository = try check ? self.repository.readOnly() : self.repository.locate(LiveSystem())
        let verdict = Pipeline(repository: repository).verdict()
        Report.problems(diagnostics: verdict.diagnostics, findings: verdict.problems)
        if !verdict.diagnostics.isEmpty { throw ExitCode(ExitStatus.badInput) }
        let generator = PlaybookGenerator(themeFiles: verdict)
        let out = repository.playbooksDirectory
        do {
            if check {
                let report = try generator.check(verdict.specs, in: out, system: repository.system)
                guard report.isInSync else {
                    report.lines(directory: out).forEach(printError)
                    printError("\(out)/ is out of date with \(repository.machinesDirectory)/: run rigctl generate")
                    throw ExitCode(ExitStatus.findings)
                }
                say("\(out)/ is up to date")
            } else {
                let result = try generator.write(verdict.specs, to: out, system: repository.system)
                result.written.forEach { say("wrote \(out)/\($0)") }
                result.removed.forEach { say("removed \(out)/\($0)") }
                result.foreign.forEach { printError("left alone: \(out)/\($0) (not written by rigctl)") }
                if result.written.isEmpty && result.removed.isEmpty { say("\(out)/ is up to date") }
            }
        } catch let error as SystemError {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.findings)
        }
        let status = verdict.status(strict: false)
        if status != .clean { throw ExitCode(status) }
    }
}
