import Foundation
import Testing
@testable import RigSpec

@Suite struct SpecKeyPathTests {
    @Test func coversItselfAndWhatLiesUnderIt() {
        let apt: SpecKeyPath = "packages.apt"
        #expect(apt.covers("packages.apt"))
        #expect(apt.covers("packages.apt[4]"))
        #expect(SpecKeyPath("bios").covers("bios.settings.xmp"))
        #expect(!SpecKeyPath("bios.set").covers("bios.settings"))
        #expect(!apt.covers("packages"))
        #expect(SpecKeyPath("").covers("hostname"))
    }

    @Test func lineageAndBuilding() {
        #expect(SpecKeyPath("parts.gpus[0].model").lineage == ["parts.gpus[0].model", "parts.gpus[0]", "parts.gpus", "parts"])
        #expect(SpecKeyPath("parts").child("gpus").element(2).child("power") == "parts.gpus[2].power")
    }

    @Test func encodesAsAPlainString() throws {
        let data = try JSONEncoder().encode(["keyPath": SpecKeyPath("bios.settings.xmp")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"keyPath":"bios.settings.xmp"}"#)
        #expect(try JSONDecoder().decode([String: SpecKeyPath].self, from: data)["keyPath"] == "bios.settings.xmp")
    }
}
