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

@Suite struct StorageProberTests {
    @Test func notJSON() async {
        var machine = FakeSystem()
        machine.commands[StorageProber.argv] = .output("NAME MODEL\nsda  X\n")
        #expect(await ProbeRunner.probe([.storage], on: machine).storage == .unknown("lsblk: not lsblk JSON output (no \"blockdevices\" array)"))
    }

    @Test func wholeDisksOnly() async throws {
        var machine = FakeSystem()
        machine.commands[StorageProber.argv] = .output(try Fixture.text("tools/10_lsblk/lsblk_J_default_ubuntu_luks_lvm_snaps.txt"))
        let disks = await ProbeRunner.probe([.storage], on: machine).storage?.value
        #expect(disks?.map(\.name) == ["nvme0n1"])
    }
}
