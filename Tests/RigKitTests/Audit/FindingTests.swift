import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct FindingTests {
    private func spec() -> MachineSpec {
        var locations = SourceMap()
        locations["drivers.nvidia"] = SourceLocation(file: "machines/a.yaml", line: 12, column: 3)
        locations["os"] = SourceLocation(file: "machines/a.yaml", line: 4, column: 1)
        return MachineSpec(name: "a", file: "machines/a.yaml", hostname: "a",
                           os: .init(distro: .ubuntu, release: "22.04"), locations: locations)
    }

    @Test func locatesTheNearestWrittenParent() {
        let finding = Finding(spec: spec(), keyPath: "drivers.nvidia.flavor", expected: "open", actual: "proprietary",
                              status: .incompatible, severity: .error, message: "m", rule: "gpu-min-driver")
        #expect(finding.machine == "a")
        #expect(finding.location == SourceLocation(file: "machines/a.yaml", line: 12, column: 3))
    }

    @Test func roundTripsThroughJSONWithAPlainLocation() throws {
        let finding = Finding(spec: spec(), keyPath: "drivers.nvidia.version", expected: ">=570", actual: "565",
                              status: .incompatible, severity: .error, message: "too old", rule: "cuda-min-driver")
        let data = try JSONEncoder().encode(finding)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let location = try #require(object["location"] as? [String: Any])
        #expect(location["file"] as? String == "machines/a.yaml")
        #expect(location["line"] as? Int == 12)
        #expect(location["column"] as? Int == 3)
        #expect(object["status"] as? String == "incompatible")
        #expect(object["severity"] as? String == "error")
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
    }

    @Test func omitsAbsentOptionalsInJSON() throws {
        let finding = Finding(machine: "a", keyPath: "os.release", status: .unknown, severity: .warning, message: "?")
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(finding)) as? [String: Any])
        #expect(Set(object.keys) == ["machine", "keyPath", "status", "severity", "message"])
    }

    @Test func ordersByMachineThenFilePositionThenKeyPath() {
        let s = spec()
        let late = Finding(spec: s, keyPath: "drivers.nvidia.version", status: .unknown, severity: .warning, message: "b")
        let early = Finding(spec: s, keyPath: "os.release", status: .unknown, severity: .warning, message: "a")
        let unlocated = Finding(machine: "a", keyPath: "aaa", status: .unknown, severity: .warning, message: "c")
        let otherMachine = Finding(machine: "0", keyPath: "zzz", status: .unknown, severity: .warning, message: "d")
        let sameKeyRuleB = Finding(machine: "z", keyPath: "k", status: .unknown, severity: .warning, message: "m", rule: "b")
        let sameKeyRuleA = Finding(machine: "z", keyPath: "k", status: .unknown, severity: .warning, message: "m", rule: "a")
        let sorted = [sameKeyRuleB, unlocated, late, sameKeyRuleA, early, otherMachine].sortedForReport()
        #expect(sorted.map(\.message) == ["d", "a", "b", "c", "m", "m"])
        #expect(sorted.map(\.rule) == [nil, nil, nil, nil, "a", "b"])
    }

    @Test func severitiesCompareByWeight() {
        #expect(Finding.Severity.info < .warning)
        #expect(Finding.Severity.warning < .error)
        #expect([Finding.Severity.error, .info, .warning].max() == .error)
    }

    /// A copy shares its fields until one side changes, and a change never shows through the other.
    @Test func copiesAreIndependentValues() {
        let original = Finding(machine: "a", keyPath: "gpu", expected: "1", actual: "2", status: .drift, severity: .error,
                               location: SourceLocation(file: "/r/machines/a.yaml", line: 3, column: 1), message: "m", rule: "r")
        var copy = original
        #expect(copy == original)
        copy.location?.file = "machines/a.yaml"
        copy.message = "changed"
        copy.severity = .warning
        #expect(original.location?.file == "/r/machines/a.yaml")
        #expect(original.message == "m" && original.severity == .error)
        #expect(copy.location?.file == "machines/a.yaml" && copy.message == "changed" && copy.severity == .warning)
        #expect(copy != original)
    }

    /// `AuditReport` groups findings by runs of one machine: the same groups, in the same order, as
    /// grouping each finding by its machine, also when a machine's findings come in more than one run.
    @Test func reportGroupsRunsLikeGroupingEachFinding() {
        let machines = ["b", "a", "a", "c", "b", "b", "a", "c", "c", "a"]
        let findings = machines.enumerated().map { number, machine in
            Finding(machine: machine, keyPath: SpecKeyPath("k\(number)"), status: .ok, severity: .info, message: "\(number)")
        }
        let grouped = AuditReport.grouped(findings)
        let expected = Dictionary(grouping: findings, by: \.machine)
        #expect(grouped == expected)
        #expect(AuditReport.grouped([]).isEmpty)
        let report = AuditReport(machines: ["a", "b", "c"], findings: findings)
        #expect(report.findings(for: "a").map(\.message) == ["1", "2", "6", "9"])
        #expect(report.findings == findings.sortedForReport())
    }
}
