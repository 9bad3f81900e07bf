import Foundation
import Testing
@testable import RigCLI
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// Runs the built `rigctl` binary (next to the test runner) against recorded hosts.
enum RigctlBinary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) async throws -> Run {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = runner.appendingPathComponent("rigctl").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "rigctl binary not built at \(binary)")
        let result = await LiveSystem().run([binary] + arguments, input: nil, timeout: .seconds(60))
        guard case .exited(let status) = result.outcome else { throw RunFailed(outcome: result.outcome) }
        return Run(status: status, stdout: result.output, stderr: result.errorOutput)
    }

    struct RunFailed: Error { var outcome: CommandResult.Outcome }

    /// A recorded host of the RigKit test fixtures.
    static func host(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RigKitTests/Fixtures/hosts/\(name)").path
    }
}

@Suite struct ProbeCommandTests {
    @Test func jsonFromARecordedHost() async throws {
        let run = try await RigctlBinary.run(["probe", "--json", "--replay", RigctlBinary.host("compute-node")])
        #expect(run.status == 0)
        let facts = try Facts.decode(Data(run.stdout.utf8))
        #expect(facts.hostname == .value("compute-node"))
        #expect(facts.gpus?.value?.first?.model == .value("NVIDIA GeForce RTX 3090"))
        #expect(facts.packages == nil)
    }

    @Test func summaryOnThisMachineSucceeds() async throws {
        let run = try await RigctlBinary.run(["probe"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("os\n  distro"))
        #expect(run.stdout.contains("\nfirmware\n  boot mode"))
    }

    @Test func badReplayDirectoryIsExitTwo() async throws {
        let run = try await RigctlBinary.run(["probe", "--replay", "/nonexistent/rigctl-host"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: cannot replay: /nonexistent/rigctl-host: not a recorded host (no such directory)\n")
    }

    @Test func replayAndRecordTogetherIsAUsageError() async throws {
        let run = try await RigctlBinary.run(["probe", "--replay", "/a", "--record", "/b"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --replay and --record cannot be used together\n"))
    }

    @Test func parsesItsOptions() throws {
        let command = try ProbeCommand.parse(["--json", "--packages", "--record", "/tmp/host", "--timeout", "2.5"])
        #expect(command.json)
        #expect(command.packages)
        #expect(command.record == "/tmp/host")
        #expect(command.probe.timeout == 2.5)
        #expect(throws: (any Error).self) { try ProbeCommand.parse(["--timeout", "0"]) }
    }
}
