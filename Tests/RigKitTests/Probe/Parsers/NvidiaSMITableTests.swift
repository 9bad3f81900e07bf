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

@Suite struct NvidiaSMITableTests {
    @Test func h100WideLayout() throws {
        let table = NvidiaSMITable.parse(try Fixture.text("tools/03_nvidia_smi_table/h100_80gb_hbm3_590.48.01_idle.txt"))
        #expect(table.smiVersion == "590.48.01")
        #expect(table.driverVersion == "590.48.01")
        #expect(table.cudaVersion == "13.1")
        #expect(table.kmdVersion == nil)
        let gpu = try #require(table.gpus.first)
        #expect(table.gpus.count == 1)
        #expect(gpu.index == 0)
        #expect(gpu.name == "NVIDIA H100 80GB HBM3")
        #expect(gpu.persistenceMode == true)
        #expect(gpu.busID == "00000000:00:09.0")
        #expect(gpu.powerCapWatts == 700)
        #expect(gpu.memoryTotalBytes == mib(81559))
        #expect(gpu.migEnabled == false)
    }

    @Test func h200WithMIGDevicesTable() throws {
        let table = NvidiaSMITable.parse(try Fixture.text("tools/03_nvidia_smi_table/h200_mig_590.48.01_load.txt"))
        #expect(table.gpus.count == 1)
        let gpu = try #require(table.gpus.first)
        #expect(gpu.name == "NVIDIA H200")
        #expect(gpu.busID == "00000000:83:00.0")
        #expect(gpu.memoryTotalBytes == mib(143_771))
        #expect(gpu.migEnabled == true)
    }

    @Test func oldNarrowLayoutWithPowerCapNA() throws {
        let table = NvidiaSMITable.parse(try Fixture.text("tools/03_nvidia_smi_table/laptop_geforce_470.63.01_old_narrow_format.txt"))
        #expect(table.driverVersion == "470.63.01")
        #expect(table.cudaVersion == "11.4")
        let gpu = try #require(table.gpus.first)
        #expect(gpu.name == "NVIDIA GeForce ...")
        #expect(gpu.persistenceMode == false)
        #expect(gpu.busID == "00000000:01:00.0")
        #expect(gpu.powerCapWatts == nil)
        #expect(gpu.memoryTotalBytes == mib(16116))
        #expect(gpu.migEnabled == nil)
    }

    @Test func rtx4080SuperTruncatedName() throws {
        let table = NvidiaSMITable.parse(try Fixture.text("tools/03_nvidia_smi_table/rtx4080super_595.71.05_load.txt"))
        #expect(table.driverVersion == "595.71.05")
        #expect(table.cudaVersion == "13.2")
        let gpu = try #require(table.gpus.first)
        #expect(gpu.name == "NVIDIA GeForce RTX 4080 ...")
        #expect(gpu.powerCapWatts == 320)
        #expect(gpu.memoryTotalBytes == mib(16376))
    }

    @Test func kmdVersionHeaderOfNewerBranches() {
        // The header newer branches print; the GPU rows are unchanged (taken from the 4080 SUPER capture).
        let text = """
        +-----------------------------------------------------------------------------------------+
        | NVIDIA-SMI 595.71.05       KMD Version: 595.71.05       CUDA UMD Version: 13.2          |
        +-----------------------------------------+------------------------+----------------------+
        |=========================================+========================+======================|
        |   0  NVIDIA GeForce RTX 4080 ...    Off |   00000000:01:00.0  On |                  N/A |
        |  0%   45C    P2             83W /  320W |    1474MiB /  16376MiB |      7%      Default |
        |                                         |                        |                  N/A |
        +-----------------------------------------+------------------------+----------------------+
        """
        let table = NvidiaSMITable.parse(text)
        #expect(table.kmdVersion == "595.71.05")
        #expect(table.driverVersion == "595.71.05")
        #expect(table.cudaVersion == "13.2")
        #expect(table.gpus.count == 1)
    }
}
