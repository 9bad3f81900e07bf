import ArgumentParser
import Foundation
import Testing
@testable import RigCLI

/// Runs a rigctl command line in-process and returns its exit code.
/// Runs a command line in process (what it prints is captured, not shown) and gives its exit code.
func exitCode(of arguments: [String]) async -> Int32 {
    await Rigctl.run(arguments).status
}

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A throwaway rig repository with a copy of machines/ (and playbooks/ when asked).
    static func copy(playbooks: Bool = false) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-repo-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/machines", toPath: path + "/machines")
        if playbooks { try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: path + "/playbooks") }
        return path
    }
}

@Suite struct ValidateCommandTests {
    @Test func examplesAreValid() async {
        #expect(await exitCode(of: ["validate", Repo.root + "/machines"]) == 0)
    }

    @Test func unreadableSpecExitsTwo() async {
        #expect(await exitCode(of: ["validate", Repo.root + "/Tests/RigSpecTests/Fixtures/invalid/12-unknown-part-key.yaml"]) == 2)
        #expect(await exitCode(of: ["validate", "/nonexistent/machines"]) == 2)
    }

    @Test func failedCompatibilityRuleExitsOne() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-validate-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("stacks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Repo.root + "/machines/stacks/ml-base.yaml", toPath: directory.path + "/stacks/ml-base.yaml")
        // The workstation's RTX 5070 Ti (Blackwell, sm_120) with CUDA 12.4: no toolkit for the card.
        let spec = try String(contentsOfFile: Repo.root + "/machines/workstation.yaml", encoding: .utf8)
            .replacingOccurrences(of: "cuda: \"12.8\"", with: "cuda: \"12.4\"")
        try spec.write(toFile: directory.path + "/workstation.yaml", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["validate", directory.path]) == 1)
    }

    @Test func usageErrorKeepsArgumentParsersCode() async {
        #expect(await exitCode(of: ["validate", "--format", "xml"]) == 64)
    }
}
