import ArgumentParser
import Foundation
import RigKit

/// `rigctl probe`: the live facts, as a readable summary or JSON.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show what this machine is made of (reads only).",
        discussion: """
        Gathers OS, CPU, memory, GPUs, NVIDIA driver, CUDA, storage, board and firmware facts \
        in parallel, each source bounded by --timeout. A fact that cannot be seen is shown as \
        unknown with the reason. Keys of --json are documented in docs/facts.md; recorded \
        hosts in docs/recorded-hosts.md.
        """)

    @Flag(help: "Print the full facts as JSON.")
    var json = false

    @Flag(help: "Also list installed apt packages (slow).")
    var packages = false

    @Option(help: ArgumentHelp("Save everything the probers read into DIR (a recorded host).", valueName: "DIR"))
    var record: String?

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"))
    var replay: String?

    @Option(help: "Seconds each source may take.")
    var timeout: Double = 5

    func run() async throws {
        let wanted = packages ? FactGroup.standard.union([.packages]) : FactGroup.standard
        let facts: Facts
        do {
            let session = try ProbeSession(replay: replay, record: record)
            facts = try await session.probe(wanted, timeout: .milliseconds(Int(timeout * 1000)))
        } catch {
            CommandOutput.fail(error.description)
        }
        if json {
            CommandOutput.write(try facts.jsonData())
        } else {
            CommandOutput.write(Data(FactsSummary.render(facts).utf8))
        }
    }

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }
}

/// Writing to stdout/stderr and leaving with rigctl's exit codes.
enum CommandOutput {
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Prints `error: message` to stderr and exits with 2 (input that cannot be used).
    static func fail(_ message: String, code: Int32 = 2) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
