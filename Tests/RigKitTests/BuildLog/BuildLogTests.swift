import Foundation
import RigSpec
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

@Suite struct BuildLogTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/buildlog").path

    static func computeNode() throws -> MachineSpec {
        var spec = try SpecLoader.fromDisk().load(file: repo + "/machines/compute-node.yaml").get()
        spec.file = "machines/compute-node.yaml"   // as apply sees it from the repo root
        return spec
    }

    static func entry(_ spec: MachineSpec) -> BuildLogEntry {
        let drift = Finding(spec: spec, keyPath: "drivers.nvidia.version", expected: "570", actual: "575.64.03",
                            status: .drift, severity: .error, message: "driver 575.64.03 is not on branch 570")
        return BuildLogEntry(
            machine: spec, kind: .apply, startedAt: Date(timeIntervalSince1970: 1_795_367_700), rigctlVersion: "0.1.0",
            specCommit: "abc1234",
            checklist: [.init(setting: "xmp", value: "profile-1", confirmation: .confirmed),
                        .init(setting: "above-4g-decoding", value: "enabled", confirmation: .notAsked)],
            steps: [.init(id: "apt-packages", title: "Install apt packages", outcome: .alreadyDone, seconds: 0.04),
                    .init(id: "nvidia-driver", title: "Install nvidia-driver-570-open", outcome: .failed, seconds: 12.31,
                          output: "E: Unable to locate package nvidia-driver-570-open\n")],
            driftBefore: [drift], driftAfter: [drift], result: .failed)
    }

    @Test func markdownMatchesGolden() throws {
        let rendered = BuildLogMarkdown.render(Self.entry(try Self.computeNode()))
        let golden = Self.goldenDirectory + "/compute-node-apply.md"
        if ProcessInfo.processInfo.environment["RIGCTL_RECORD_GOLDEN"] == "1" {
            try rendered.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(rendered == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test func fileNameSortsByUTCTime() throws {
        let entry = Self.entry(try Self.computeNode())
        #expect(entry.relativePath == "build-logs/compute-node/20261122T171500Z-apply.md")
    }

    @Test func historyAndConfirmationsReadBack() throws {
        let spec = try Self.computeNode()
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-buildlog-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let system = LiveSystem()
        var older = Self.entry(spec)
        older.startedAt = Date(timeIntervalSince1970: 1_795_000_000)
        older.checklist = [.init(setting: "above-4g-decoding", value: "enabled", confirmation: .confirmed),
                           .init(setting: "virtualization", value: "disabled", confirmation: .confirmed)]
        older.result = .converged
        for entry in [older, Self.entry(spec)] {
            try system.writeText(repo + "/" + entry.relativePath, BuildLogMarkdown.render(entry))
        }
        let history = BuildLogHistory.list(machine: "compute-node", repo: repo, system: system)
        #expect(history.map(\.result) == ["converged", "failed"])
        #expect(history.map(\.kind) == ["apply", "apply"])
        #expect(history.last?.time == "2026-11-22T17:15:00Z")
        // The newer log did not confirm above-4g-decoding (not asked): the newest word counts.
        // virtualization was confirmed as "disabled", but the spec wants "enabled": not counted.
        #expect(BuildLogHistory.confirmations(for: spec, repo: repo, system: system) == ["bios.settings.xmp"])
    }

    @Test func aSecondLogOfTheSameSecondSortsAfterTheFirst() {
        #expect(BuildLogHistory.chronological(["20261122T171500Z-apply-2.md", "20261122T171500Z-apply.md", "facts.json",
                                               "20261122T171459Z-dry-run.md", "20261122T171500Z-apply-10.md", "SOURCE.md"])
            == ["20261122T171459Z-dry-run.md", "20261122T171500Z-apply.md", "20261122T171500Z-apply-2.md", "20261122T171500Z-apply-10.md"])
    }
}

/// A step's output and the drift messages are text from outside: in the Markdown build log they
/// cannot close their code block or table cell, and carry no raw control characters.
@Suite struct BuildLogHostileTextTests {
    @Test func outputCannotCloseItsFenceOrDriveATerminal() throws {
        var entry = BuildLogTests.entry(try BuildLogTests.computeNode())
        entry.steps[1].output = "E: broke\r\u{1b}[31m\n```\n# Injected heading\n````\n"
        entry.driftBefore[0].message = "seen a|b\rc\u{2028}d"
        let markdown = BuildLogMarkdown.render(entry)
        #expect(markdown.contains("`````\nE: broke\\r\\x1b[31m\n```\n# Injected heading\n````\n`````"))
        #expect(markdown.contains(#"seen a\|b\rc\u{2028}d"#))
        #expect(!markdown.unicodeScalars.contains { ["\r", "\u{1b}", "\u{2028}"].contains($0) })
    }
}
