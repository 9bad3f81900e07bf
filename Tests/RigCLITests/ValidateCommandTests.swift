import ArgumentParser
import Foundation
import Testing
@testable import RigCLI

/// Runs a rigctl command line in-process and returns its exit code.
func exitCode(of arguments: [String]) async -> Int32 {
    do {
        var command = try Rigctl.parseAsRoot(arguments)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return 0
    } catch {
        return Rigctl.exitCode(for: error).rawValue
    }
}

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
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
