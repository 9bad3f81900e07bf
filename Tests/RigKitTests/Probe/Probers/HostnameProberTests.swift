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

@Suite struct HostnameProberTests {
    @Test func kernelFirstThenEtcHostname() async {
        var machine = FakeSystem()
        machine.files["/etc/hostname"] = "from-etc\n"
        #expect(await ProbeRunner.probe([.hostname], on: machine).hostname == .value("from-etc"))
        machine.files["/proc/sys/kernel/hostname"] = "from-kernel\n"
        #expect(await ProbeRunner.probe([.hostname], on: machine).hostname == .value("from-kernel"))
    }
}
