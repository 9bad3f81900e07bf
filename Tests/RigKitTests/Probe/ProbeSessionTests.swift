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

@Suite struct ProbeSessionTests {
    @Test func recordWritesAHostThatReplays() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-session-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = try ReplaySystem(directory: try Fixture.host("h100-node"))
        let recorder = RecordingSystem(recording: source)
        let original = await ProbeRunner.probe(FactGroup.standard, on: recorder)
        try recorder.save(to: directory, using: LiveSystem())
        let replayed = try await ProbeSession(replay: directory).probe(FactGroup.standard)
        #expect(replayed == original)
        #expect(try replayed.jsonData() == (try original.jsonData()))
    }

    @Test func failuresAreExplained() async throws {
        #expect(throws: ProbeSession.Failure.replayAndRecord) { try ProbeSession(replay: "/a", record: "/b") }
        #expect(throws: ProbeSession.Failure.replay(.notADirectory("/nonexistent/host"))) { try ProbeSession(replay: "/nonexistent/host") }
        let readOnly = try ReplaySystem(directory: try Fixture.host("vm-no-gpu"))
        await #expect(throws: ProbeSession.Failure.record(.readOnly("/out/commands"))) {
            try await ProbeSession(record: "/out", live: readOnly).probe([.hostname])
        }
    }
}
