import ArgumentParser
import RigKit
import RigSpec

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the Ansible playbooks and inventory from the machine specs.",
        discussion: """
        Writes <out>/<machine>.yml for every spec (its theme files included), <out>/site.yml importing the machines that \
        have ssh:, and <out>/inventory.yml from their ssh: (group rigs). Removes playbooks it \
        wrote for machines that are gone; leaves other files alone.
        With --check, writes nothing and fails when a file is missing, stale or extra.
        Exit codes: 0 written or in sync; 1 out of sync (--check) or a file could not be \
        written; 2 a spec cannot be understood.
        """)

    @Flag(help: "Only compare; fail when the playbooks are not what the specs generate.")
    var check = false

    @Option(help: "The directory of machine specs.", completion: .directory)
    var machines = "machines"

    @Option(help: "The directory of generated playbooks.", completion: .directory)
    var out = "playbooks"

    func run() async throws {
        let selection = SpecLoader.files(for: [machines])
        let loaded = SpecLoader().loadAll(selection.files)
        let diagnostics = (selection.diagnostics + loaded.diagnostics + ThemeRenderer.diagnostics(for: loaded.specs)).sorted()
        if !diagnostics.isEmpty {
            ValidationReport(specs: [], diagnostics: diagnostics, findings: []).printText()
            throw RigExit.badInput
        }
        let generator = PlaybookGenerator()
        let system = LiveSystem()
        do {
            if check {
                let report = try generator.check(loaded.specs, in: out, system: system)
                guard report.isInSync else {
                    report.lines(directory: out).forEach(printError)
                    printError("\(out)/ is out of date with \(machines)/: run rigctl generate")
                    throw RigExit.findings
                }
                print("\(out)/ is up to date")
            } else {
                let result = try generator.write(loaded.specs, to: out, system: system)
                result.written.forEach { print("wrote \(out)/\($0)") }
                result.removed.forEach { print("removed \(out)/\($0)") }
                result.foreign.forEach { printError("left alone: \(out)/\($0) (not written by rigctl)") }
                if result.written.isEmpty && result.removed.isEmpty { print("\(out)/ is up to date") }
            }
        } catch let error as SystemError {
            printError("error: \(error)")
            throw RigExit.findings
        }
    }
}
