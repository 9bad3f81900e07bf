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

@Suite struct NvidiaDriverProberTests {
    @Test func proprietaryFromProc() async throws {
        var machine = FakeSystem()
        machine.files["/proc/driver/nvidia/version"] = try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu1604_375.74_proprietary.txt")
        let driver = await ProbeRunner.probe([.nvidiaDriver], on: machine).nvidiaDriver
        #expect(driver?.version == .value("375.74"))
        #expect(driver?.flavor == .value("proprietary"))
    }

    @Test func notLoaded() async {
        let driver = await ProbeRunner.probe([.nvidiaDriver], on: FakeSystem()).nvidiaDriver
        #expect(driver?.version == .unknown("NVIDIA kernel module not loaded"))
    }
}
