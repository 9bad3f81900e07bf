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

@Suite struct MemoryProberTests {
    @Test func rootReadsDIMMsAndSkipsEmptySlots() async throws {
        var machine = FakeSystem()
        machine.files["/proc/self/status"] = "Uid:\t0\t0\t0\t0\n"
        machine.files["/proc/meminfo"] = try Fixture.text("tools/07_meminfo/vm_4GB_jc.txt")
        machine.commands[["dmidecode", "-t", "17"]] = .output(try Fixture.text("tools/08_dmidecode/z790_pg_lightning_i9_13900k_ddr5.txt"))
        let memory = await ProbeRunner.probe([.memory], on: machine).memory
        #expect(memory?.totalBytes == .value(kib(3_997_272)))
        #expect(memory?.slots == .value(4))
        #expect(memory?.dimms == .value([
            DIMMFacts(locator: "BANK 0/Controller0-ChannelA-DIMM1", sizeBytes: gib(16), type: "DDR5", ratedSpeedMTs: 4800, configuredSpeedMTs: 5200),
            DIMMFacts(locator: "BANK 0/Controller1-ChannelA-DIMM1", sizeBytes: gib(16), type: "DDR5", ratedSpeedMTs: 4800, configuredSpeedMTs: 5200),
        ]))
    }

    @Test func nonRootDoesNotRunDmidecode() async {
        var machine = FakeSystem()
        machine.files["/proc/self/status"] = "Uid:\t1000\t1000\t1000\t1000\n"
        machine.hanging = [["dmidecode", "-t", "17"]]
        let memory = await ProbeRunner.probe([.memory], on: machine, timeout: .seconds(30)).memory
        #expect(memory?.dimms == .unknown("needs root (dmidecode reads the SMBIOS tables)"))
        #expect(memory?.totalBytes == .unknown("/proc/meminfo: not found"))
    }
}
