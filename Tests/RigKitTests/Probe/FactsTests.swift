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

@Suite struct FactsTests {
    @Test(arguments: ["compute-node", "workstation", "h100-node"])
    func factsJSONMatchesGolden(host: String) async throws {
        let facts = await ProbeRunner.probe(FactGroup.standard, on: try ReplaySystem(directory: try Fixture.host(host)))
        try Golden.check(String(decoding: try facts.jsonData(), as: UTF8.self), against: "facts/\(host).json")
    }

    @Test func factEncodesAsValueOrUnknown() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(Fact<Int>.value(6)), as: UTF8.self) == #"{"value":6}"#)
        #expect(String(decoding: try encoder.encode(Fact<Int>.unknown("timed out after 5 s")), as: UTF8.self) == #"{"unknown":"timed out after 5 s"}"#)
        #expect(try JSONDecoder().decode(Fact<String>.self, from: Data(#"{"unknown":"x"}"#.utf8)) == .unknown("x"))
        #expect(Fact<Int>(nil, else: "absent") == .unknown("absent"))
        #expect(Fact<Int>.value(2).map { $0 * 2 } == .value(4))
    }

    @Test func groupsNotAskedForAreAbsent() throws {
        var facts = Facts(placeholdersFor: [.hostname])
        #expect(facts.hostname == .unknown("not probed"))
        facts.keep(only: [])
        #expect(facts.hostname == nil)
        let text = String(decoding: try facts.jsonData(), as: UTF8.self)
        #expect(text == "{\n  \"format\" : 1\n}\n")
    }
}
