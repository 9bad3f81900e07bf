import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct LiveSystemTests {
    let system = LiveSystem()

    @Test func runCapturesOutputAndStatus() async {
        let result = await system.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(result.outcome == .exited(3))
        #expect(result.output == "out\n")
        #expect(result.errorOutput == "err\n")
        #expect(result.failureReason(program: "sh") == "sh exited with status 3: err")
    }

    @Test func missingProgramIsNotFound() async {
        let result = await system.run(["rigctl-no-such-program"])
        #expect(result.outcome == .notFound)
        #expect(result.failureReason(program: "rigctl-no-such-program") == "rigctl-no-such-program not installed")
    }

    @Test func hungCommandIsKilledWithItsChildren() async throws {
        // The shell's background child keeps the pipe open; the process-group kill must end both.
        let result = await system.run(["sh", "-c", "sleep 30 & echo $!; wait"], timeout: .milliseconds(300))
        #expect(result.outcome == .timedOut(seconds: 0.3))
        #expect(result.failureReason(program: "sh") == "sh timed out after 0.3 s")
        let child = try #require(Int32(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for init to reap it: either way no longer running.
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?
            .split(separator: ")").last?.split(separator: " ").first
        #expect(state == nil || state == "Z", "sleep \(child) still running: \(state ?? "")")
    }

    @Test func inputReachesTheCommand() async {
        let result = await system.run(["cat"], input: Data("hello".utf8), timeout: .seconds(5))
        #expect(result.output == "hello")
    }

    @Test func atomicWriteCreatesParentsAndReplaces() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-live-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a/b/file.txt"
        try system.writeText(path, "one")
        try system.writeText(path, "two", mode: 0o600)
        #expect(try system.readText(path) == "two")
        #expect(try system.listDirectory(directory + "/a/b") == ["file.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func readErrorsAreExplained() {
        #expect(throws: SystemError.notFound("/nonexistent/rigctl")) { try system.readFile("/nonexistent/rigctl") }
        #expect(throws: SystemError.notADirectory("/etc/hostname/x")) { try system.readFile("/etc/hostname/x") }
    }

    @Test func childrenStartWithNoBlockedOrIgnoredSignals() {
        // Dispatch worker threads block most signals and rigctl ignores SIGPIPE; a child must inherit neither
        // (a tmux server with SIGTERM blocked survives kill-server). Block everything on this thread to be sure.
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &saved)
        let previous = signal(SIGPIPE, SIG_IGN)
        let result = ProcessRunner.run(["sh", "-c", "grep -E '^Sig(Blk|Ign):' /proc/self/status"], input: nil, timeout: .seconds(5))
        signal(SIGPIPE, previous)
        pthread_sigmask(SIG_SETMASK, &saved, nil)
        let values = result.output.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        #expect(values.count == 2)
        #expect(values.first == "0000000000000000")
        let ignored = UInt64(values.last ?? "", radix: 16) ?? .max
        #expect(ignored & (1 << (SIGPIPE - 1) | 1 << (SIGHUP - 1) | 1 << (SIGTERM - 1)) == 0)
    }
}
