import ArgumentParser
import FoundationEssentials
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigFit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec
import RigText

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check machine specs and report every problem at once.",
        discussion: """
        Gives the verdict every other command uses: each spec loads with its includes (problems as \
        file:line:col: error: …), its theme renders (contrast, overrides), and the compatibility \
        rules pass (GPU ↔ driver ↔ CUDA ↔ OS, power budget, VRAM); each workload's verdict is listed \
        under its machine (rigctl fit shows the numbers).
        With no arguments, checks every machine in the repository's machines/ (fragments in \
        machines/stacks/ are checked through the machines that include them).
        Exit codes: 0 valid; 1 a compatibility rule failed (warnings too with --strict); \
        2 a spec cannot be understood; 64 usage.
        """)

    @Argument(help: "Spec files or directories of specs (default: the repository's machines/).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Fail on compatibility warnings too.")
    var strict = false

    func run() async throws {
        let system = ReadOnlySystem(LiveSystem())
        let verdict: SpecVerdict
        if paths.isEmpty {
            verdict = Pipeline(repository: try repository.locate(system)).verdict()
        } else {
            var files: [String] = []
            var diagnostics: [Diagnostic] = []
            for path in paths {
                switch SpecFiles.expand(path, system: system) {
                case .success(let found): files += found
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            var judged = SpecValidator().judge(files, system: system)
            judged.diagnostics = (judged.diagnostics + diagnostics).sorted()
            verdict = judged
        }
        let report = ValidationReport(verdict: verdict)
        switch format {
        case .text: report.printText()
        case .json: write(report.json() + "\n")
        }
        let status = verdict.status(strict: strict)
        BackgroundRelease.release(consume report)
        BackgroundRelease.release(consume verdict)
        if status != .clean { throw ExitCode(status) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What `validate` prints.
struct ValidationReport {
    let verdict: SpecVerdict

    func printText() {
        Report.problems(diagnostics: verdict.diagnostics, findings: verdict.problems)
        let out = Console.current.style
        let workloadRule = WorkloadFit().id
        // Written at once: a line per write(2) was most of this for a thousand machines.
        var text = ""
        // Read in place: a copy of each machine's verdict retained every field of its spec.
        for index in verdict.machines.indices {
            let own = verdict.machines[index].problems
            let label = own.contains { $0.severity == .error } ? out.red("incompatible") : own.isEmpty ? out.green("valid") : out.yellow("valid, with warnings")
            text += "\(label) \(verdict.machines[index].spec.name) (\(verdict.machines[index].spec.file))\n"
            for finding in verdict.machines[index].compatibility where finding.rule == workloadRule {
                text += "  "
                text += finding.messageUpToFirstSemicolon
                text += "\n"
            }
        }
        for name in verdict.invalidMachines { text += "\(out.red("invalid")) \(name)\n" }
        write(text)
    }

    struct Document: Encodable {
        var format = JSONReport.format
        var valid: Bool
        var machines: [Machine]
        var invalid: [String]
        var findings: [Finding]
        var diagnostics: [JSONReport.EncodedDiagnostic]
    }

    struct Machine: Encodable {
        var name: String
        var file: String
        var hostname: String
    }

    func json() -> String {
        let document = Document(
            valid: verdict.status(strict: false) == .clean,
            machines: verdict.specs.map { Machine(name: $0.name, file: $0.file, hostname: $0.hostname) },
            invalid: verdict.invalidMachines, findings: verdict.problems,
            diagnostics: verdict.diagnostics.map(JSONReport.EncodedDiagnostic.init))
        return (try? JSONTextEncoder.encodeText(document)) ?? "{}"
    }
}
