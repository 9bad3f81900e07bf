import Foundation
import Testing
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

    @Test func hungCommandIsKilledWithItsChildren() async {
        // The shell's child keeps the pipe open; the process group kill must end both.
        let started = Date()
        let result = await system.run(["sh", "-c", "sleep 30 & sleep 30"], timeout: .milliseconds(300))
        #expect(result.outcome == .timedOut(seconds: 0.3))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.failureReason(program: "sh") == "sh timed out after 0.3 s")
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
}
