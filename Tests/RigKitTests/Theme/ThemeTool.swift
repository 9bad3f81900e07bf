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

/// Runs the real tools the theme tests check files with (bash, shellcheck, tmux, vim, script).
enum ThemeTool {
    /// Runs `argv`; a tool that is not installed fails the test with its name (never a silent skip).
    static func run(_ argv: [String], input: String? = nil, timeout: Duration = .seconds(20),
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandResult {
        let result = await LiveSystem().run(argv, input: input.map { Data($0.utf8) }, timeout: timeout)
        if result.outcome == .notFound {
            Issue.record("\(argv[0]) is not installed; the theme tests need it (apt-get install -y \(package(argv[0])))",
                         sourceLocation: sourceLocation)
            throw ToolMissing(tool: argv[0])
        }
        return result
    }

    struct ToolMissing: Error { var tool: String }

    static func package(_ tool: String) -> String {
        ["script": "bsdutils", "rsvg-convert": "librsvg2-bin"][tool] ?? tool
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes each file's fresh contents under `directory`, as `rigctl render --out` does.
    static func write(_ files: [RenderedFile], under directory: String) throws {
        for file in files {
            try LiveSystem().writeText(directory + "/" + file.path, file.freshContents, mode: file.mode)
        }
    }
}
