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

@Suite struct LspciTests {
    @Test func machineReadableWithIDs() throws {
        let lspci = Lspci.parseMachineReadable(try Fixture.text("tools/09_lspci/lspci_nnmmv_vmware_vm_ubuntu2010.txt"))
        let display = lspci.devices.filter(\.isDisplayController)
        #expect(display.count == 1)
        let gpu = try #require(display.first)
        #expect(gpu.slot == "00:0f.0")
        #expect(gpu.classID == "0300")
        #expect(gpu.vendorName == "VMware")
        #expect(gpu.vendorID == "15ad")
        #expect(gpu.deviceName == "SVGA II Adapter")
        #expect(gpu.deviceID == "0405")
        #expect(lspci.devices.first?.className == "Host bridge")
        #expect(lspci.devices.first?.deviceID == "7190")
    }

    @Test func machineReadableNamesOnly() throws {
        let lspci = Lspci.parseMachineReadable(try Fixture.text("tools/09_lspci/lspci_mmv_vmware_vm_ubuntu2010.txt"))
        let display = lspci.devices.first { $0.isDisplayController }
        let gpu = try #require(display)
        #expect(gpu.classID == nil)
        #expect(gpu.className == "VGA compatible controller")
        #expect(gpu.deviceName == "SVGA II Adapter")
        #expect(gpu.vendorID == nil)
    }
}
