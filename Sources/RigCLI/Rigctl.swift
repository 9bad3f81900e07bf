import ArgumentParser
import RigKit

/// The `rigctl` root command: only wiring, every behaviour lives in RigSpec/RigKit.
public struct Rigctl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rigctl",
        abstract: "Hardware-as-code for single-machine ML rigs.",
        discussion: """
        Each machine is one YAML file in machines/. rigctl validates it, probes the live \
        machine, diffs the two, and converges it.

        Exit codes: 0 clean; 1 findings, drift or a failed step; 2 a spec or input that \
        cannot be understood; 64 usage error.
        Set NO_COLOR to disable colour.
        """,
        version: RigctlVersion.current,
        subcommands: [
            Validate.self,
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

    public init() {}
}

extension Rigctl {
    /// Parses the command line and runs the chosen command asynchronously.
    /// (`main()` would resolve to ParsableCommand's synchronous overload from main.swift.)
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
