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

@Suite struct NvidiaSMIXMLTests {
    @Test func rtx3090DTDv13() throws {
        let xml = try NvidiaSMIXML.parse(try Fixture.text("tools/01_nvidia_smi_xml/rtx3090_590.44.01_v13.txt"))
        #expect(xml.driverVersion == "590.44.01")
        #expect(xml.cudaVersion == "13.1")
        let gpu = try #require(xml.gpus.first)
        #expect(xml.gpus.count == 1)
        #expect(gpu.name == "NVIDIA GeForce RTX 3090")
        #expect(gpu.busID == "00000000:09:00.0")
        #expect(gpu.deviceID == "220410DE")
        #expect(gpu.memoryTotalBytes == mib(24576))
        #expect(gpu.bar1TotalBytes == mib(256))
        #expect(gpu.powerLimitWatts == 350)
        #expect(gpu.defaultPowerLimitWatts == 350)
        #expect(gpu.persistenceMode == true)
        #expect(gpu.migEnabled == nil)
    }

    @Test func rtx3090DTDv12LoweredPowerLimitAndResizableBAR() throws {
        let xml = try NvidiaSMIXML.parse(try Fixture.text("tools/01_nvidia_smi_xml/rtx3090_525.147.05_v12.txt"))
        #expect(xml.driverVersion == "525.147.05")
        #expect(xml.cudaVersion == "12.0")
        let gpu = try #require(xml.gpus.first)
        #expect(gpu.powerLimitWatts == 200)
        #expect(gpu.defaultPowerLimitWatts == 350)
        #expect(gpu.bar1TotalBytes == mib(32768))
        // The capture redacted the PCI device id.
        #expect(gpu.deviceID == nil)
    }

    @Test func a100WithMIGKeepsGPUMemoryApartFromInstances() throws {
        let xml = try NvidiaSMIXML.parse(try Fixture.text("tools/01_nvidia_smi_xml/a100_sxm4_80gb_mig_535.54.03_v12.txt"))
        #expect(xml.attachedGPUs == 4)
        #expect(xml.gpus.count == 1)
        let gpu = try #require(xml.gpus.first)
        #expect(gpu.name == "NVIDIA A100-SXM4-80GB")
        #expect(gpu.migEnabled == true)
        #expect(gpu.memoryTotalBytes == mib(81920))
        #expect(gpu.bar1TotalBytes == mib(131_072))
        #expect(gpu.powerLimitWatts == 500)
        #expect(gpu.persistenceMode == false)
    }

    @Test func rtx3060On570() throws {
        let xml = try NvidiaSMIXML.parse(try Fixture.text("tools/01_nvidia_smi_xml/rtx3060_570.124.04_v12.txt"))
        #expect(xml.driverVersion == "570.124.04")
        #expect(xml.cudaVersion == "12.8")
        let gpu = try #require(xml.gpus.first)
        #expect(gpu.name == "NVIDIA GeForce RTX 3060")
        #expect(gpu.busID == "00000000:2D:00.0")
        #expect(gpu.memoryTotalBytes == mib(12288))
        #expect(gpu.powerLimitWatts == 170)
        #expect(gpu.architecture == "Ampere")
    }

    @Test func rejectsOtherDocuments() {
        #expect(throws: NvidiaSMIXML.ParseError.self) { try NvidiaSMIXML.parse("<html><body/></html>") }
        #expect(throws: NvidiaSMIXML.ParseError.self) { try NvidiaSMIXML.parse("<nvidia_smi_log><gpu>") }
    }
}
