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

@Suite struct PackagesProberTests {
    @Test func installedOnlySorted() async {
        var machine = FakeSystem()
        machine.commands[PackagesProber.argv] = .output("tmux\t3.2a-4ubuntu0.2\tinstalled\nhtop\t3.0.5-7build2\tinstalled\nold\t1.0\tconfig-files\n")
        let packages = await ProbeRunner.probe([.packages], on: machine).packages
        #expect(packages == .value([PackageFacts(name: "htop", version: "3.0.5-7build2"), PackageFacts(name: "tmux", version: "3.2a-4ubuntu0.2")]))
    }

    @Test func outputThatIsNotDpkgQuerysIsUnknown() async {
        var machine = FakeSystem()
        machine.commands[PackagesProber.argv] = .output("tmux 3.2a-4ubuntu0.2 installed\n")
        #expect(await ProbeRunner.probe([.packages], on: machine).packages == .unknown("dpkg-query printed nothing rigctl can read"))
    }

    @Test func notDebian() async {
        #expect(await ProbeRunner.probe([.packages], on: FakeSystem()).packages == .unknown("dpkg-query not installed"))
    }
}
