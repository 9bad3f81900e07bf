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

@Suite struct DmidecodeTests {
    let gib: UInt64 = 1_073_741_824

    @Test func am5DesktopWithEmptySlots() throws {
        let dmi = Dmidecode.parse(try Fixture.text("tools/08_dmidecode/am5_rog_crosshair_x670e_hero_7800x3d_ddr5.txt"))
        #expect(dmi.bios?["Vendor"] == "American Megatrends Inc.")
        #expect(dmi.bios?["Version"] == "1807")
        #expect(dmi.bios?["Release Date"] == "12/14/2023")
        #expect(dmi.baseBoard?["Manufacturer"] == "ASUSTeK COMPUTER INC.")
        #expect(dmi.baseBoard?["Product Name"] == "ROG CROSSHAIR X670E HERO")
        // Type 1 carries the placeholder product name.
        #expect(dmi.records(ofType: 1).first?["Product Name"] == nil)
        let devices = dmi.memoryDevices
        #expect(devices.count == 4)
        #expect(devices.filter { $0.sizeBytes == nil }.count == 2)
        let installed = devices.filter { $0.sizeBytes != nil }
        #expect(installed.map(\.sizeBytes) == [16 * gib, 16 * gib])
        #expect(installed.map(\.type) == ["DDR5", "DDR5"])
        #expect(installed.map(\.ratedSpeedMTs) == [4800, 4800])
        #expect(installed.map(\.configuredSpeedMTs) == [6200, 6200])
        #expect(installed.first?.locator == "DIMM 1")
        #expect(installed.first?.bankLocator == "P0 CHANNEL A")
    }

    @Test func z790WithOEMPlaceholders() throws {
        let dmi = Dmidecode.parse(try Fixture.text("tools/08_dmidecode/z790_pg_lightning_i9_13900k_ddr5.txt"))
        #expect(dmi.bios?["Version"] == "5.01")
        #expect(dmi.bios?["Vendor"] == "American Megatrends International, LLC.")
        #expect(dmi.baseBoard?["Manufacturer"] == "ASRock")
        #expect(dmi.baseBoard?["Product Name"] == "Z790 PG Lightning")
        #expect(dmi.records(ofType: 3).first?.fields["Manufacturer"] == "To Be Filled By O.E.M.")
        #expect(dmi.records(ofType: 3).first?["Manufacturer"] == nil)
        let installed = dmi.memoryDevices.filter { $0.sizeBytes != nil }
        #expect(dmi.memoryDevices.count == 4)
        #expect(installed.count == 2)
        #expect(installed.map(\.configuredSpeedMTs) == [5200, 5200])
        #expect(installed.map(\.locator) == ["Controller0-ChannelA-DIMM1", "Controller1-ChannelA-DIMM1"])
    }

    @Test func serverWithEightRDIMMs() throws {
        let dmi = Dmidecode.parse(try Fixture.text("tools/08_dmidecode/server_asus_esc4000a_e10_epyc7453_rdimm.txt"))
        #expect(dmi.bios?["Version"] == "0701")
        #expect(dmi.bios?["Release Date"] == "09/07/2022")
        #expect(dmi.baseBoard?["Product Name"] == "KRPG-U8-M Series")
        let devices = dmi.memoryDevices
        #expect(devices.count == 8)
        #expect(devices.allSatisfy { $0.sizeBytes == 64 * gib && $0.type == "DDR4" && $0.ratedSpeedMTs == 3200 })
        #expect(devices.first?.locator == "DIMM_A1")
        #expect(dmi.records(ofType: 39).count == 2)
    }

    @Test func olderSizeAndSpeedUnits() {
        let text = "Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n\tSize: 8192 MB\n\tLocator: DIMM_A1\n\tType: DDR4\n\tSpeed: 2133 MHz\n\tConfigured Clock Speed: 2133 MHz\n"
        let device = Dmidecode.parse(text).memoryDevices.first
        #expect(device?.sizeBytes == 8 * gib)
        #expect(device?.ratedSpeedMTs == 2133)
        #expect(device?.configuredSpeedMTs == 2133)
    }
}
