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

@Suite struct BoardProberTests {
    @Test func placeholdersAreUnknown() async {
        var machine = FakeSystem()
        machine.directories["/sys/class/dmi/id"] = ["board_name"]
        machine.files["/sys/class/dmi/id/board_vendor"] = "ASRock\n"
        machine.files["/sys/class/dmi/id/board_name"] = "To Be Filled By O.E.M.\n"
        machine.files["/sys/class/dmi/id/bios_version"] = "5.01\n"
        machine.errors["/sys/class/dmi/id/bios_date"] = .permissionDenied("/sys/class/dmi/id/bios_date")
        let board = await ProbeRunner.probe([.board], on: machine).board
        #expect(board?.vendor == .value("ASRock"))
        #expect(board?.name == .unknown("board_name is a firmware placeholder (\"To Be Filled By O.E.M.\")"))
        #expect(board?.biosVersion == .value("5.01"))
        #expect(board?.biosDate == .unknown("/sys/class/dmi/id/bios_date: permission denied"))
        #expect(board?.biosVendor == .unknown("/sys/class/dmi/id/bios_vendor: not found"))
    }

    @Test func dmidecodeFallbackAsRoot() async throws {
        var machine = FakeSystem()
        machine.files["/proc/self/status"] = "Uid:\t0\t0\t0\t0\n"
        machine.commands[["dmidecode", "-t", "0", "-t", "2"]] = .output(try Fixture.text("tools/08_dmidecode/am5_rog_crosshair_x670e_hero_7800x3d_ddr5.txt"))
        let board = await ProbeRunner.probe([.board], on: machine).board
        #expect(board?.name == .value("ROG CROSSHAIR X670E HERO"))
        #expect(board?.biosVersion == .value("1807"))
        #expect(board?.biosDate == .value("12/14/2023"))
    }
}
