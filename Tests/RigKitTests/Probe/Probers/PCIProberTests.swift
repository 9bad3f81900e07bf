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

@Suite struct PCIProberTests {
    @Test func amdGPUWithSysfsVRAMAndLspciName() async throws {
        var machine = FakeSystem()
        machine.directories["/sys/bus/pci/devices"] = ["0000:00:00.0", "0000:03:00.0"]
        machine.files["/sys/bus/pci/devices/0000:00:00.0/class"] = "0x060000\n"
        machine.files["/sys/bus/pci/devices/0000:03:00.0/class"] = "0x030000\n"
        machine.files["/sys/bus/pci/devices/0000:03:00.0/vendor"] = "0x1002\n"
        machine.files["/sys/bus/pci/devices/0000:03:00.0/device"] = "0x744c\n"
        machine.files["/sys/bus/pci/devices/0000:03:00.0/mem_info_vram_total"] = "25753026560\n"
        // The names of the `lspci -nn` line in tools/09_lspci/lspci_nn_amd_rx7900xtx_single_line.txt, as `-vmm -nn` records them.
        machine.commands[["lspci", "-vmm", "-nn"]] = .output(
            "Slot:\t03:00.0\nClass:\tVGA compatible controller [0300]\nVendor:\tAdvanced Micro Devices, Inc. [AMD/ATI] [1002]\nDevice:\tNavi 31 [Radeon RX 7900 XT/7900 XTX] [744c]\n\n")
        let gpus = await ProbeRunner.probe([.gpus], on: machine, probers: [PCIProber()]).gpus
        let gpu = try #require(gpus?.value?.first)
        #expect(gpus?.value?.count == 1)
        #expect(gpu.busID == "0000:03:00.0")
        #expect(gpu.vendor == "amd")
        #expect(gpu.model == .value("Radeon RX 7900 XT/7900 XTX"))
        #expect(gpu.vramBytes == .value(25_753_026_560))
        #expect(gpu.computeCapability == .unknown("not an NVIDIA GPU"))
        #expect(gpu.migEnabled == .value(false))
    }

    @Test func addresses() {
        #expect(PCIAddress.normalize("00000000:2D:00.0") == "0000:2d:00.0")
        #expect(PCIAddress.normalize("00:0f.0") == "0000:00:0f.0")
        #expect(PCIAddress.normalize("0000:A3:00.0") == "0000:a3:00.0")
        #expect(PCIAddress.vendorName("0x1af4") == "0x1af4")
    }

    @Test func unreadableBus() async {
        var machine = FakeSystem()
        machine.errors["/sys/bus/pci/devices"] = .permissionDenied("/sys/bus/pci/devices")
        #expect(await ProbeRunner.probe([.gpus], on: machine, probers: [PCIProber()]).gpus == .unknown("/sys/bus/pci/devices: permission denied"))
    }
}
