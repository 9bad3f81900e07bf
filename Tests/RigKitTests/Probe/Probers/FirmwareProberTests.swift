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

@Suite struct FirmwareProberTests {
    @Test func uefiWithoutEfivars() async {
        var machine = FakeSystem()
        machine.directories["/sys/firmware/efi"] = []
        machine.directories["/sys/class/iommu"] = []
        let firmware = await ProbeRunner.probe([.firmware], on: machine).firmware
        #expect(firmware?.bootMode == .value("uefi"))
        #expect(firmware?.secureBoot == .unknown("no SecureBoot EFI variable (efivarfs not mounted?)"))
        #expect(firmware?.iommu == .value(false))
    }

    @Test func iommuUnknownWhenNeitherDirectoryReads() async {
        let firmware = await ProbeRunner.probe([.firmware], on: FakeSystem()).firmware
        #expect(firmware?.iommu == .unknown("/sys/class/iommu: not found; /sys/kernel/iommu_groups: not found"))
    }
}
