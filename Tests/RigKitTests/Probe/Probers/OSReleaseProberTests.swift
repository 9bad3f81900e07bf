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

@Suite struct OSReleaseProberTests {
    @Test func fallsBackToUsrLib() async throws {
        var machine = FakeSystem()
        machine.files["/usr/lib/os-release"] = try Fixture.text("tools/11_os_release/debian_12.txt")
        let facts = await ProbeRunner.probe([.os], on: machine, probers: [OSReleaseProber()])
        #expect(facts.os?.id == .value("debian"))
        #expect(facts.os?.version == .value("12"))
        #expect(facts.os?.prettyName == .value("Debian GNU/Linux 12 (bookworm)"))
    }

    @Test func missingEverywhere() async {
        let facts = await ProbeRunner.probe([.os], on: FakeSystem(), probers: [OSReleaseProber()])
        #expect(facts.os?.id == .unknown("/etc/os-release: not found"))
    }
}
