import Foundation
import Testing
@testable import RigCLI

/// A copy of machines/, build-logs/ and playbooks/, to change one thing and run a command on.
struct CLIRepo {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-cli-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root + "/machines", toPath: path + "/machines")
        try FileManager.default.copyItem(atPath: Repo.root + "/build-logs", toPath: path + "/build-logs")
        try FileManager.default.copyItem(atPath: Repo.root + "/playbooks", toPath: path + "/playbooks")
    }

    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
        #expect(text.contains(old), "\(relative) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path + "/" + relative, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct AuditCommandTests {
    @Test func committedRepositoryPasses() async {
        for format in ["text", "json", "junit", "github"] {
            #expect(await exitCode(of: ["audit", "--repo", Repo.root, "--format", format]) == 0)
        }
    }

    @Test func strictFailsOnTheUnconfirmedChecklistItems() async {
        #expect(await exitCode(of: ["audit", "--repo", Repo.root, "--strict"]) == 1)
    }

    @Test func driftIncompatibilityAndBadSpecExitCodes() async throws {
        let repo = try CLIRepo()
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/facts.json", "\"570.124.04\"", "\"575.64.03\"")
        #expect(await exitCode(of: ["audit", "--repo", repo.path]) == 1)
        try repo.edit("build-logs/compute-node/facts.json", "\"575.64.03\"", "\"570.124.04\"")
        #expect(await exitCode(of: ["audit", "--repo", repo.path]) == 0)
        try repo.edit("machines/big-rig.yaml", "power: 1600 W }\n    - { model: Corsair AX1600i, power: 1600 W }", "power: 850 W }")
        #expect(await exitCode(of: ["audit", "--repo", repo.path, "--format", "github"]) == 1)
        try repo.edit("machines/workstation.yaml", "hostname: workstation", "hostname: work_station")
        #expect(await exitCode(of: ["audit", "--repo", repo.path, "--format", "junit"]) == 2)
    }

    @Test func unknownFormatIsAUsageError() async {
        #expect(await exitCode(of: ["audit", "--format", "xml"]) == 64)
    }
}

@Suite struct DiffCommandTests {
    @Test func recordedHostMatches() async {
        #expect(await exitCode(of: ["diff", "compute-node", "--repo", Repo.root,
                                    "--replay", Repo.root + "/build-logs/compute-node/recorded-host"]) == 0)
        #expect(await exitCode(of: ["diff", "--repo", Repo.root, "--facts", Repo.root + "/build-logs/big-rig/facts.json", "--format", "json"]) == 0)
    }

    @Test func driftExitsOneAndBadInputTwo() async throws {
        let repo = try CLIRepo()
        defer { repo.remove() }
        try repo.edit("build-logs/workstation/recorded-host/fs/proc/driver/nvidia/version", "575.64.03", "550.144.03")
        #expect(await exitCode(of: ["diff", "workstation", "--repo", repo.path, "--replay", repo.path + "/build-logs/workstation/recorded-host"]) == 1)
        #expect(await exitCode(of: ["diff", "laptop", "--repo", repo.path, "--facts", repo.path + "/build-logs/big-rig/facts.json"]) == 2)
        #expect(await exitCode(of: ["diff", "big-rig", "--repo", repo.path, "--facts", repo.path + "/machines/big-rig.yaml"]) == 2)
        #expect(await exitCode(of: ["diff", "--replay", "a", "--facts", "b"]) == 64)
    }
}

@Suite struct SnapshotCommandTests {
    @Test func writesFactsFromAReplayedHost() async throws {
        let repo = try CLIRepo()
        defer { repo.remove() }
        let file = repo.path + "/build-logs/big-rig/facts.json"
        try FileManager.default.removeItem(atPath: file)
        #expect(await exitCode(of: ["snapshot", "big-rig", "--repo", repo.path, "--replay", repo.path + "/build-logs/big-rig/recorded-host"]) == 0)
        #expect(FileManager.default.contents(atPath: file) == FileManager.default.contents(atPath: Repo.root + "/build-logs/big-rig/facts.json"))
        #expect(await exitCode(of: ["snapshot", "nope", "--repo", repo.path]) == 2)
    }
}
