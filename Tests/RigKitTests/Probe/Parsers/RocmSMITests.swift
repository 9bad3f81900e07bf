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

@Suite struct RocmSMITests {
    @Test func fourMI100() throws {
        let smi = try #require(RocmSMI.parseJSON(try Fixture.data("tools/12_rocm_smi/mi100_rocm6.0.2_json.txt")))
        #expect(smi.cards.count == 4)
        #expect(smi.cards.map(\.busID) == ["0000:83:00.0", "0000:A3:00.0", "0000:C3:00.0", "0000:E3:00.0"])
        #expect(smi.cards.allSatisfy { $0.name == "Arcturus GL-XL [Instinct MI100]" && $0.deviceID == "0x738c" })
        #expect(smi.cards.first?.vramBytes == 34_342_961_152)
        #expect(smi.cards.first?.powerCapWatts == 290)
        #expect(smi.driverVersion == "6.3.6")
    }

    @Test func rx6700XTOnROCm6StartsWithBlankLine() throws {
        let smi = try #require(RocmSMI.parseJSON(try Fixture.data("tools/12_rocm_smi/rx6700xt_rocm6.1.2_json.txt")))
        let card = try #require(smi.cards.first)
        #expect(card.name == "Navi 22 [Radeon RX 6700/6700 XT / 6800M]")
        #expect(card.deviceID == "0x73df")
        #expect(card.busID == "0000:07:00.0")
        #expect(card.vramBytes == 12_868_124_672)
        #expect(card.powerCapWatts == 211)
    }

    @Test func rx6700XTOnROCm4OlderKeys() throws {
        let card = try #require(RocmSMI.parseJSON(try Fixture.data("tools/12_rocm_smi/rx6700xt_rocm4.3.0_json.txt"))?.cards.first)
        #expect(card.deviceID == "0x73df")
        // "Card series" is only a vendor id there, so no name.
        #expect(card.name == nil)
        #expect(card.vramBytes == 12_868_124_672)
    }

}
