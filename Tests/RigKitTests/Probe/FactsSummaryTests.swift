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

@Suite struct FactsSummaryTests {
    @Test(arguments: StarterSpecTests.hosts)
    func matchesGolden(host: String) async throws {
        let facts = await ProbeRunner.probe(FactGroup.standard, on: try ReplaySystem(directory: try Fixture.host(host)))
        try Golden.check(FactsSummary.render(facts), against: "probe/\(host).txt")
    }

    @Test func onlyAskedGroupsAndReasons() {
        var facts = Facts()
        facts.hostname = .unknown("/proc/sys/kernel/hostname: permission denied")
        #expect(FactsSummary.render(facts) == "hostname\n  name  unknown (/proc/sys/kernel/hostname: permission denied)\n")
    }

    @Test func sizes() {
        #expect(FactsSummary.size(gib(24)) == "24 GiB")
        #expect(FactsSummary.size(mib(81559)) == "79.6 GiB")
        #expect(FactsSummary.size(mib(256)) == "256 MiB")
    }
}
