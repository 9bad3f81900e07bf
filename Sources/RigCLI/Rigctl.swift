import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import RigText
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// The `rigctl` root command: only wiring, every behaviour lives in RigSpec/RigKit.
package struct Rigctl: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rigctl",
        abstract: "Hardware-as-code for single-machine ML rigs.",
        discussion: """
        Each machine is one YAML file in machines/. rigctl validates it, probes the live \
        machine, diffs the two, and converges it.

        Every command that takes a machine takes its name (machines/NAME.yaml) or its spec \
        file, and without one picks the spec whose hostname is this machine's; every command \
        finds the repository from the working directory upward, or takes --repo DIR.
        Exit codes, the same in every command: 0 clean; 1 findings (drift, a failed \
        compatibility rule, stale playbooks, a failed step); 2 refused or unreadable input (a \
        spec that cannot be understood, no such machine, the wrong host); 64 usage error.
        Set NO_COLOR to disable colour.
        """,
        version: RigctlVersion.current,
        subcommands: [
            NewCommand.self,
            Validate.self,
            FitCommand.self,
            Schema.self,
            ProbeCommand.self,
            InitCommand.self,
            PlanCommand.self,
            GenerateCommand.self,
            Render.self,
            ThemeCommand.self,
            DiffCommand.self,
            SnapshotCommand.self,
            AuditCommand.self,
            ApplyCommand.self,
            LogCommand.self,
        ]
    )

    package init() {}
}

extension Rigctl {
    /// Parses the command line and runs the chosen command asynchronously.
    /// (`main()` would resolve to ParsableCommand's synchronous overload from main.swift.)
    package static func start() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let answer = immediateAnswer(arguments) {
            StandardStream.output.write(answer)
            return
        }
        do {
            try await runCommand(arguments)
        } catch {
            // ArgumentParser's own message, with the user's argument in it, made safe like every other line.
            let message = TerminalSafeText.sanitized(fullMessage(for: error))
            let code = exitCode(for: error)
            if !message.isEmpty {
                (code == .success ? StandardStream.output : StandardStream.error).write(message + "\n")
            }
            #if canImport(Glibc)
            Glibc.exit(code.rawValue)
            #else
            Darwin.exit(code.rawValue)
            #endif
        }
    }

    /// Runs one command line in process, capturing what it prints: the same path `start()` takes,
    /// for tests. Colour is off.
    package static func run(_ arguments: [String]) async -> (status: Int32, stdout: String, stderr: String) {
        let captured = Captured()
        let console = Console(writeOut: { captured.append(out: $0) }, writeOutBytes: { captured.append(out: String(decoding: $0, as: UTF8.self)) },
                              writeError: { captured.append(error: $0) },
                              colorOut: false, colorError: false)
        let status: Int32 = await Console.$current.withValue(console) {
            do {
                try await runCommand(arguments)
                return 0
            } catch {
                let message = TerminalSafeText.sanitized(fullMessage(for: error))
                let code = exitCode(for: error).rawValue
                if !message.isEmpty { (code == 0 ? captured.append(out:) : captured.append(error:))(message + "\n") }
                return code
            }
        }
        return (status, captured.out, captured.error)
    }

    /// What `rigctl --version` prints (exactly what ArgumentParser prints for it; RigctlTests compares
    /// the two), answered before ArgumentParser builds the command tree by reflection, which is most of
    /// the start-up of a command that does nothing else. Nil for any other command line.
    package static func immediateAnswer(_ arguments: [String]) -> String? {
        guard arguments == ["--version"], let version = configuration.version.isEmpty ? nil : configuration.version else { return nil }
        return TerminalSafeText.sanitized(version) + "\n"
    }

    private static func runCommand(_ arguments: [String]) async throws {
        var command = try parseAsRoot(arguments)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }
}

/// Both streams of an in-process run.
private final class Captured: @unchecked Sendable {
    private let lock = Lock()
    private(set) var out = ""
    private(set) var error = ""

    func append(out text: String) { lock.withLock { out += text } }
    func append(error text: String) { lock.withLock { error += text } }
}
