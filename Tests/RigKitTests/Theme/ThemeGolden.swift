import Foundation
import Testing

/// Compares generated text with a committed golden file under Tests/RigKitTests/Fixtures/golden/,
/// byte for byte; with RIGCTL_RECORD_GOLDEN=1 it (re)writes the golden file in the source tree instead.
enum ThemeGolden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    static func check(_ text: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(text, at: root.appendingPathComponent(relativePath), sourceLocation: sourceLocation)
    }

    static func check(_ text: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RIGCTL_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run the tests with RIGCTL_RECORD_GOLDEN=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(text == golden, "\(url.path) is stale; re-record with RIGCTL_RECORD_GOLDEN=1 and review the diff",
                sourceLocation: sourceLocation)
    }
}
