import ArgumentParser
import RigKit

/// `rigctl log`: the build-log history of one machine, or of every machine.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the build logs of a machine (every machine without MACHINE), oldest first.",
        discussion: """
        One line per build log under build-logs/<machine>/: its UTC time, kind (apply, dry-run, \
        snapshot), result and file. Reads only. Exit codes: 0 listed; 2 no such machine, or no \
        build logs at all.
        """)

    @Argument(help: "The machine (its directory under build-logs/); default: every machine.")
    var machine: String?

    @Option(help: ArgumentHelp("The rig repository (holds build-logs/).", valueName: "DIR"))
    var repo: String = "."

    func run() async throws {
        let system = LiveSystem()
        let directory = repo == "." ? "build-logs" : "\(repo)/build-logs"
        let known = ((try? system.listDirectory(directory)) ?? []).filter { system.fileExists("\(directory)/\($0)/") }.sorted()
        let machines: [String]
        if let machine {
            guard known.contains(machine) else {
                printError("error: no build logs for '\(machine)' in \(directory)/ (machines with logs: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
                throw RigExit.badInput
            }
            machines = [machine]
        } else {
            machines = known
        }
        let rows = machines.flatMap { name in
            BuildLogHistory.list(machine: name, repo: repo, system: system).map { (name, $0) }
        }
        guard !rows.isEmpty else {
            printError("error: no build logs in \(directory)/ yet: rigctl apply writes them")
            throw RigExit.badInput
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let resultWidth = rows.map(\.1.result.count).max() ?? 0
        for (name, summary) in rows {
            let columns = [summary.time, pad(summary.kind, 8)] + (machine == nil ? [pad(name, nameWidth)] : [])
                + [pad(summary.result, resultWidth), summary.file]
            print(columns.joined(separator: "  "))
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
}
