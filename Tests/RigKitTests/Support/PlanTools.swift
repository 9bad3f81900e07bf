import Foundation
import Testing

/// Runs the real tools (bash, shellcheck, ansible-playbook, ansible-lint, python3) that check
/// generated files. A missing tool fails the test with its name; it is never skipped.
enum PlanTools {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The tool's path on PATH, or a recorded test failure naming it.
    static func find(_ tool: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        Issue.record("required tool \(tool) is not on PATH (see docs/plan.md for what the tests need)", sourceLocation: sourceLocation)
        return nil
    }

    /// Runs `tool` with arguments; stdout and stderr together.
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result? {
        guard let executable = find(tool, sourceLocation: sourceLocation) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-plan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Golden files under `Tests/RigKitTests/Fixtures/golden/`, compared byte for byte;
/// `RIGCTL_RECORD_GOLDEN=1` rewrites them in the source tree.
enum PlanGolden {
    static func check(_ actual: String, _ name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RIGCTL_RECORD_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/golden").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), sourceLocation: sourceLocation)
        let url = fixtures.appendingPathComponent("golden").appendingPathComponent(name)
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden file golden/\(name) is missing; record it with RIGCTL_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden/\(name) differs; re-record with RIGCTL_RECORD_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }
}
