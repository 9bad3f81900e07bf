import Foundation
import Testing
@testable import RigCLI

@Suite struct GenerateCommandTests {
    /// The committed playbooks/ must be what machines/ generates.
    @Test func committedPlaybooksAreInSync() async {
        #expect(await exitCode(of: ["generate", "--check", "--repo", Repo.root]) == 0)
    }

    @Test func checkFailsOnAStaleDirectoryAndWriteFixesIt() async throws {
        let repo = try Repo.copy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let out = repo + "/playbooks"
        #expect(await exitCode(of: ["generate", "--check", "--repo", repo]) == 1)
        #expect(await exitCode(of: ["generate", "--repo", repo]) == 0)
        #expect(await exitCode(of: ["generate", "--check", "--repo", repo]) == 0)
        try "stale\n".write(toFile: out + "/site.yml", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["generate", "--check", "--repo", repo]) == 1)
    }

    @Test func anUnreadableSpecExitsTwo() async {
        #expect(await exitCode(of: ["generate", "--check", "--repo", "/nonexistent"]) == 2)
    }
}
