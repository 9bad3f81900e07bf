import Foundation
import Testing
@testable import RigCLI

@Suite struct GenerateCommandTests {
    /// The committed playbooks/ must be what machines/ generates.
    @Test func committedPlaybooksAreInSync() async {
        #expect(await exitCode(of: ["generate", "--check", "--machines", Repo.root + "/machines", "--out", Repo.root + "/playbooks"]) == 0)
    }

    @Test func checkFailsOnAStaleDirectoryAndWriteFixesIt() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-generate-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let machines = Repo.root + "/machines"
        #expect(await exitCode(of: ["generate", "--check", "--machines", machines, "--out", out]) == 1)
        #expect(await exitCode(of: ["generate", "--machines", machines, "--out", out]) == 0)
        #expect(await exitCode(of: ["generate", "--check", "--machines", machines, "--out", out]) == 0)
        try "stale\n".write(toFile: out + "/site.yml", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["generate", "--check", "--machines", machines, "--out", out]) == 1)
    }

    @Test func anUnreadableSpecExitsTwo() async {
        #expect(await exitCode(of: ["generate", "--check", "--machines", "/nonexistent/machines"]) == 2)
    }
}
