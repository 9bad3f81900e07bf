import RigText
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

/// `rigctl log`: the build-log history of one machine, or of every machine.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the build logs of a machine (every machine without MACHINE), oldest first (reads only).",
        discussion: """
        One line per build log under build-logs/<machine>/: its UTC time, kind (apply, dry-run, \
        snapshot), result and file. A repository without build logs yet says so.
        Exit codes: 0 listed (or none yet); 2 no such machine; 64 usage.
        """)

    @Argument(help: "The machine; default: every machine.", completion: .custom(MachineArgument.complete))
    var machine: String?

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let repository = try self.repository.readOnly()
        let system = repository.system
        let directory = repository.buildLogsDirectory
        let withLogs = ((try? system.listDirectory(directory)) ?? []).filter { system.fileExists("\(directory)/\($0)/") }
        let known = Set(repository.machineNames() + withLogs).sorted()
        let machines: [String]
        if let machine {
            guard known.contains(machine) else { throw Report.refusal(MachineSelector.unknownMachine(machine, known: known)) }
            machines = [machine]
        } else {
            machines = withLogs.sorted()
        }
        let rows = machines.flatMap { name in
            BuildLogHistory.list(machine: name, repo: repository.root, system: system).map { (name, $0) }
        }
        guard !rows.isEmpty else {
            say("no build logs \(machine.map { "for \($0) " } ?? "")in \(directory)/ yet: rigctl apply writes them")
            return
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let resultWidth = rows.map(\.1.result.count).max() ?? 0
        for (name, summary) in rows {
            let columns = [summary.time, pad(summary.kind, 8)] + (machine == nil ? [pad(name, nameWidth)] : [])
                + [pad(summary.result, resultWidth), summary.file]
            say(columns.joined(separator: "  "))
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padded(to: max(width, text.count))
    }
}
