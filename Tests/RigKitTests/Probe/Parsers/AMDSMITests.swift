import Testing
import FoundationEssentials
@testable import RigSystem
@testable import RigProbe

@Suite struct AMDSMITests {
    /// amd-smi 26+ (ROCm 7): `{"gpu_data": [...]}`, units as {"value","unit"}, no `bus.bdf` in this capture.
    @Test func mi210GPUDataObject() throws {
        let smi = try #require(AMDSMI.parseStatic(try Fixture.data("tools/17_amd_smi/static_mi210_gpu_data.json")))
        let card = try #require(smi.cards.first)
        #expect(smi.cards.count == 1)
        #expect(card.index == 0)
        #expect(card.name == "AMD Instinct MI210")
        #expect(card.deviceID == "0x740f")
        #expect(card.gfxTarget == "gfx90a")
        #expect(card.busID == nil)
        #expect(card.vramBytes == 65520 * 1_048_576)
        #expect(card.powerCapWatts == 300)
    }

    /// amd-smi before 26 (ROCm 6.x): the same records as a top-level list.
    @Test func mi210TopLevelList() throws {
        let list = try #require(AMDSMI.parseStatic(try Fixture.data("tools/17_amd_smi/static_mi210_list.json")))
        let wrapped = try #require(AMDSMI.parseStatic(try Fixture.data("tools/17_amd_smi/static_mi210_gpu_data.json")))
        #expect(list == wrapped)
    }

    /// A real paste cut off mid-record is no JSON: nil, never a half-read card.
    @Test func truncatedCaptureIsNil() throws {
        #expect(AMDSMI.parseStatic(try Fixture.data("tools/17_amd_smi/rx7800xt_gpu_data_truncated.txt")) == nil)
    }

    @Test func unknownShapesAreNil() {
        for text in ["", "null", "{}", "{\"gpu\": []}", "[1, 2]", "{\"gpu_data\": {\"gpu\": 0}}", "\"amd-smi\""] {
            #expect(AMDSMI.parseStatic(Data(text.utf8)) == nil, "\(text)")
        }
        #expect(AMDSMI.parseStatic(Data("[]".utf8))?.cards == [])
    }

    /// Older spellings (bare numbers, "N MB" text), `N/A`, hostile numbers: read or left out, never a trap.
    @Test func valueSpellings() throws {
        let json = """
        [{"gpu": 1, "asic": {"market_name": "N/A", "device_id": "0x744C", "target_graphics_version": "gfx1100"},
          "bus": {"bdf": "0000:03:00.0"}, "vram": {"size": "24560 MB"}, "limit": {"max_power": 355}},
         {"gpu": 99999999999999999999, "asic": {"target_graphics_version": "gfx1100; rm -rf /"},
          "vram": {"size": {"value": 1e300, "unit": "MB"}}, "limit": {"max_power": {"value": "N/A", "unit": "W"}}},
         {"vram": {"size": {"value": 2, "unit": "PB"}}, "limit": {"max_power": {"value": -5, "unit": "W"}}}]
        """
        let cards = try #require(AMDSMI.parseStatic(Data(json.utf8))).cards
        #expect(cards.count == 3)
        #expect(cards[0].index == 1 && cards[0].name == nil && cards[0].deviceID == "0x744c" && cards[0].busID == "0000:03:00.0")
        #expect(cards[0].vramBytes == 24560 * 1_048_576 && cards[0].powerCapWatts == 355 && cards[0].gfxTarget == "gfx1100")
        #expect(cards[1].index == 1 && cards[1].gfxTarget == nil && cards[1].vramBytes == nil && cards[1].powerCapWatts == nil)
        #expect(cards[2].index == 2 && cards[2].vramBytes == nil && cards[2].powerCapWatts == nil)
    }

    @Test func gfxTargetNames() {
        #expect(GFXTarget.name("gfx90a") == "gfx90a")
        #expect(GFXTarget.name(" GFX1100 ") == "gfx1100")
        for bad in ["gfx", "gfxzzz", "gfx1100 x", "90a", "gfxa00", "gfx12345"] { #expect(GFXTarget.name(bad) == nil, "\(bad)") }
        // The kernel's encoding (kfd_device.c): 110000 gfx1100, 90010 gfx90a (Aldebaran), 90402 gfx942, 90008 gfx908.
        #expect(GFXTarget.name(kfdVersion: 110000) == "gfx1100")
        #expect(GFXTarget.name(kfdVersion: 90010) == "gfx90a")
        #expect(GFXTarget.name(kfdVersion: 90402) == "gfx942")
        #expect(GFXTarget.name(kfdVersion: 90008) == "gfx908")
        #expect(GFXTarget.name(kfdVersion: 100301) == "gfx1031")
        for bad: UInt64 in [0, 90016, 91600, UInt64.max, 60000] { #expect(GFXTarget.name(kfdVersion: bad) == nil, "\(bad)") }
    }

    @Test func kfdPropertiesOfAnRX7900XTX() throws {
        let node = KFDNodeProperties.parse(try Fixture.text("tools/18_kfd_topology/rx7900xtx_node1_properties.txt"))
        #expect(node.gfxTarget == "gfx1100")
        // location_id 34304 = 0x8600: bus 0x86, device 0, function 0.
        #expect(node.pciAddress == "0000:86:00.0")
        #expect(node.values["device_id"] == 29772)   // 0x744c, Navi 31
        #expect(KFDNodeProperties.parse("cpu_cores_count 16\ngfx_target_version 0\n").gfxTarget == nil)
        #expect(KFDNodeProperties.parse("location_id 99999999\ndomain 0\n").pciAddress == nil)
        #expect(KFDNodeProperties.parse("location_id 0x10\n").pciAddress == nil)
    }
}
