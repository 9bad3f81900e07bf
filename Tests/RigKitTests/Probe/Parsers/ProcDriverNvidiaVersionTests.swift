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

@Suite struct ProcDriverNvidiaVersionTests {
    @Test func openModuleUbuntu2204WithoutTrailingNewline() throws {
        let parsed = try #require(ProcDriverNvidiaVersion.parse(try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu2204_550.144.03_open.txt")))
        #expect(parsed.version == "550.144.03")
        #expect(parsed.flavor == .open)
        #expect(parsed.compiler == "gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)")
    }

    @Test func proprietaryModuleWithDateRightAfterVersion() throws {
        let parsed = try #require(ProcDriverNvidiaVersion.parse(try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu1604_375.74_proprietary.txt")))
        #expect(parsed.version == "375.74")
        #expect(parsed.flavor == .proprietary)
    }

    @Test func openModuleWithoutDateAndTrailingSpaces() throws {
        let parsed = try #require(ProcDriverNvidiaVersion.parse(try Fixture.text("tools/04_proc_driver_nvidia_version/arch_525.60.11_open_nodate_trailing_spaces.txt")))
        #expect(parsed.version == "525.60.11")
        #expect(parsed.flavor == .open)
        #expect(parsed.compiler == "gcc version 12.2.0 (GCC)")
    }

    @Test func selfBuiltDebugModule() throws {
        let parsed = try #require(ProcDriverNvidiaVersion.parse(try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu2404_575.64.03_open_selfbuilt_debug.txt")))
        #expect(parsed.version == "575.64.03")
        #expect(parsed.flavor == .open)
    }

    @Test func sysModuleVersionAndGarbage() {
        #expect(ProcDriverNvidiaVersion.moduleVersion("570.133.07\n") == "570.133.07")
        #expect(ProcDriverNvidiaVersion.moduleVersion("") == nil)
        #expect(ProcDriverNvidiaVersion.parse("hello") == nil)
    }
}
