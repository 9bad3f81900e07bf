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

@Suite struct ChecklistItemTests {
    @Test func settingsAndVersionsReadAsInstructions() {
        #expect(ChecklistItem(place: "BIOS", setting: "xmp", value: "profile-1").text == "BIOS: set xmp to profile-1")
        #expect(ChecklistItem(place: "BIOS", setting: "version", value: "3902").text == "BIOS: update to version 3902")
    }
}
