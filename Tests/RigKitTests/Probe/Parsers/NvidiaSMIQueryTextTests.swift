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

@Suite struct NvidiaSMIQueryTextTests {
    @Test func memoryDisplayOfH100() throws {
        let text = NvidiaSMIQueryText.parse(try Fixture.text("tools/13_nvidia_smi_query_text/h100_580.159.04_q_d_memory.txt"))
        #expect(text.driverVersion == "580.159.04")
        #expect(text.cudaVersion == "13.0")
        #expect(text.header["Attached GPUs"] == "1")
        let gpu = try #require(text.gpus.first)
        #expect(text.gpus.count == 1)
        #expect(gpu.busID == "00000000:00:06.0")
        #expect(gpu["FB Memory Usage/Total"].flatMap(Units.bytes) == mib(81559))
        #expect(gpu["BAR1 Memory Usage/Total"].flatMap(Units.bytes) == mib(131_072))
        #expect(gpu["Conf Compute Protected Memory Usage/Total"] == "0 MiB")
    }

    @Test func fullQueryOfH100() throws {
        let text = NvidiaSMIQueryText.parse(try Fixture.text("tools/13_nvidia_smi_query_text/h100_580.159.04_q.txt"))
        let gpu = try #require(text.gpus.first)
        #expect(gpu["Product Name"] == "NVIDIA H100 80GB HBM3")
        #expect(gpu["Product Architecture"] == "Hopper")
        #expect(gpu["Persistence Mode"] == "Enabled")
        #expect(gpu["MIG Mode/Current"] == "Disabled")
        #expect(gpu["PCI/Bus Id"] == "00000000:00:06.0")
        #expect(gpu["GPU Power Readings/Current Power Limit"].flatMap(Units.watts) == 700)
        #expect(gpu["GPU Power Readings/Min Power Limit"].flatMap(Units.watts) == 200)
        #expect(gpu["Module Power Readings/Current Power Limit"] == nil)
        #expect(gpu["Driver Model/Current"] == nil)
        #expect(gpu["BAR1 Memory Usage/Total"].flatMap(Units.bytes) == mib(131_072))
    }
}
