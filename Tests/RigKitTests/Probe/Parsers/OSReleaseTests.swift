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

@Suite struct OSReleaseTests {
    @Test(arguments: [
        ("ubuntu_22.04.txt", "ubuntu", "22.04", "Ubuntu 22.04 LTS", "jammy"),
        ("ubuntu_24.04.txt", "ubuntu", "24.04", "Ubuntu 24.04 LTS", "noble"),
        ("debian_12.txt", "debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm"),
    ])
    func idVersionAndName(file: String, id: String, version: String, pretty: String, codename: String) throws {
        let release = OSRelease.parse(try Fixture.text("tools/11_os_release/\(file)"))
        #expect(release.id == id)
        #expect(release.versionID == version)
        #expect(release.prettyName == pretty)
        #expect(release.codename == codename)
    }

    @Test func quotingRules() {
        let release = OSRelease.parse("# comment\nNAME='Pop!_OS'\nPRETTY_NAME=\"A \\\"quoted\\\" name\"\nID=pop\n")
        #expect(release.values["NAME"] == "Pop!_OS")
        #expect(release.prettyName == "A \"quoted\" name")
        #expect(release.id == "pop")
    }
}
