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

    @Test func numericLineWithBracketsInVendor() throws {
        let lspci = Lspci.parseNumeric(try Fixture.text("tools/09_lspci/lspci_nn_amd_rx7900xtx_single_line.txt"))
        let gpu = try #require(lspci.devices.first)
        #expect(gpu.slot == "03:00.0")
        #expect(gpu.classID == "0300")
        #expect(gpu.vendorID == "1002")
        #expect(gpu.deviceID == "744c")
        #expect(gpu.revision == "c8")
        #expect(gpu.marketingName == "Radeon RX 7900 XT/7900 XTX")
    }

    @Test func numericLaptopGPU() throws {
        let gpu = try #require(Lspci.parseNumeric(try Fixture.text("tools/09_lspci/lspci_nn_grep_vga_gtx980m_laptop.txt")).devices.first)
        #expect(gpu.vendorID == "10de")
        #expect(gpu.deviceID == "1617")
        #expect(gpu.marketingName == "GeForce GTX 980M")
        #expect(gpu.isDisplayController)
    }
}
