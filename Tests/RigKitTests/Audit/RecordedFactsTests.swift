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

@Suite struct RecordedFactsTests {
    @Test func committedFactsLoad() throws {
        let file = RecordedFacts.path(repository: AuditSamples.repository, machine: "big-rig")
        let facts = try #require(try RecordedFacts.load(file, system: LiveSystem()))
        #expect(facts.hostname == .value("big-rig"))
        #expect(facts.gpus?.value?.filter { $0.vendor == "nvidia" }.count == 5)
        #expect(RecordedFacts.path(repository: ".", machine: "big-rig") == "build-logs/big-rig/facts.json")
    }

    @Test func committedFactsAreDeterministic() throws {
        let file = RecordedFacts.path(repository: AuditSamples.repository, machine: "compute-node")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(try Facts.decode(data).jsonData() == data)
    }

    @Test func absentIsNilAndBadJSONIsAClearError() throws {
        #expect(try RecordedFacts.load("/nonexistent/facts.json", system: LiveSystem()) == nil)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-facts-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "{\"format\": 1, \"memory\": {\"totalBytes\": {\"value\": \"lots\"}}}".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: RecordedFacts.LoadError.self) { try RecordedFacts.load(file, system: LiveSystem()) }
        do {
            _ = try RecordedFacts.load(file, system: LiveSystem())
        } catch {
            #expect(error.description.hasPrefix("\(file): not a facts file (rigctl probe --json / snapshot): memory.totalBytes.value:"))
        }
    }
}
