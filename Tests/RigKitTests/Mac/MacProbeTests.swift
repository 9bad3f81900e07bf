import Testing
import FoundationEssentials
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigFit

/// An Apple Silicon Mac through the replayed `mac-studio` host (Fixtures/hosts/mac-studio, assembled
/// from real sw_vers, sysctl and system_profiler output; see its SOURCE.md).
@Suite struct MacProbeTests {
    func facts(_ groups: Set<FactGroup> = Set(FactGroup.allCases)) async throws -> Facts {
        await ProbeRunner.probe(groups, on: try ReplaySystem(directory: try Fixture.host("mac-studio")))
    }

    @Test func theMacIsProbedThroughSwVersSysctlAndSystemProfiler() async throws {
        let facts = try await facts()
        #expect(facts.os?.id == .value("macos"))
        #expect(facts.os?.version == .value("15.5"))
        #expect(facts.os?.prettyName == .value("macOS 15.5 (24F74)"))
        #expect(facts.os?.architecture == .value("arm64"))
        #expect(facts.hostname == .value("mac-studio"))
        #expect(facts.cpu?.model == .value("Apple M2 Ultra"))
        #expect(facts.cpu?.cores == .value(24))
        #expect(facts.memory?.totalBytes == .value(68_719_476_736))
        let chip = try #require(facts.chip)
        #expect(chip.model == .value("Apple M2 Ultra"))
        #expect(chip.machine == .value("Mac Studio (Mac14,14)"))
        #expect(chip.performanceCores == .value(16))
        #expect(chip.efficiencyCores == .value(8))
        #expect(chip.gpuCores == .value(60))
        #expect(chip.metal == .value("Metal 3"))
        #expect(facts.packages == .value([]))
        #expect(facts.casks == .value([]))
    }

    @Test func linuxGroupsAreNotAskedOfAMac() async throws {
        let facts = try await facts()
        #expect(facts.gpus == nil)
        #expect(facts.nvidiaDriver == nil)
        #expect(facts.cuda == nil)
        #expect(facts.board == nil)
        #expect(facts.driverHealth == nil)
        #expect(facts.memory?.dimms.reason?.contains("unified memory") == true)
    }

    @Test func aLinuxHostHasNoChipGroup() async throws {
        let facts = await ProbeRunner.probe(Set(FactGroup.allCases), on: try ReplaySystem(directory: try Fixture.host("vm-no-gpu")))
        #expect(facts.chip == nil)
        #expect(facts.casks == nil)
        #expect(facts.os?.id == .value("debian"))
    }

    @Test func failingToolsLeaveReasonsNotGuesses() async {
        var mac = FakeSystem()
        mac.files[ProbePlatform.macOSMarker] = ""
        mac.commands[["sw_vers"]] = .output("ProductName:\t\tmacOS\nProductVersion:\t\t14.2.1\nBuildVersion:\t\t23C71\n")
        mac.commands[["sysctl", "-n", "hw.memsize"]] = .output("lots\n")
        mac.commands[["system_profiler", "SPHardwareDataType", "SPDisplaysDataType", "-json"]] = .output("{not json")
        let facts = await ProbeRunner.probe([.os, .memory, .chip, .cpu], on: mac)
        #expect(facts.os?.version == .value("14.2.1"))
        #expect(facts.memory?.totalBytes.reason?.contains("not a number") == true)
        #expect(facts.chip?.gpuCores.reason == "system_profiler printed no JSON rigctl can read")
        #expect(facts.cpu?.model.reason?.contains("machdep.cpu.brand_string") == true)
    }

    @Test func systemProfilerFieldsAreReadStrictly() throws {
        let parsed = try #require(SystemProfiler.parse(try Fixture.text("tools/16_macos/spdisplays_m5_max_macbook_pro.json")))
        let gpu = try #require(parsed.appleGPU(chip: nil))
        #expect(gpu.coreCount == 40)
        #expect(gpu.metal == "Metal 4")
        // The trimmed M2 Ultra entry has no core count and no Metal family: nothing is made up.
        let trimmed = try #require(SystemProfiler.parse(try Fixture.text("tools/16_macos/spdisplays_m2_ultra_two_displays.json")))
        #expect(trimmed.displays.first?.coreCount == nil)
        #expect(trimmed.displays.first?.metal == nil)
        let hardware = try #require(SystemProfiler.parse(try Fixture.text("tools/16_macos/sphardware_mac_studio_m2_ultra.json"))?.hardware.first)
        #expect(hardware.coreKinds?.performance == 16)
        #expect(hardware.coreKinds?.efficiency == 8)
        #expect(SystemProfiler.parse("[]") == nil)
    }

    @Test func swVersAndBrewListParse() throws {
        let versions = SwVers.parse(try Fixture.text("tools/16_macos/sw_vers_14.2.1_23C71.txt"))
        #expect(versions.productName == "macOS")
        #expect(versions.buildVersion == "23C71")
        #expect(BrewList.parse("git 2.49.0\npython@3.12 3.12.10 3.12.11\n") == [
            PackageFacts(name: "git", version: "2.49.0"), PackageFacts(name: "python@3.12", version: "3.12.11")])
        #expect(BrewList.parse("Error: something\n") == nil)
        #expect(BrewList.parse("") == [])
    }
}
