import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct VSCodeThemeRendererTests {
    @Test func desktopWritesUserSettings() throws {
        let files = VSCodeThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.workstation))
        #expect(files.map(\.path) == [".config/Code/User/settings.json"])
        guard case .jsonSettings(let edit) = files[0].installation else {
            Issue.record("expected a JSON settings edit")
            return
        }
        #expect(edit.key == "workbench.colorCustomizations")
        #expect(edit.settings.first == JSONSetting(key: "titleBar.activeBackground", value: "#2c001e"))
        #expect(edit.settings.first { $0.key == "statusBar.background" }?.value == "#c678dd")
        #expect(edit.settings.first { $0.key == "statusBar.foreground" }?.value == "#2c001e")
    }

    @Test func headlessWritesRemoteMachineSettings() throws {
        let files = VSCodeThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.computeNode))
        #expect(files.map(\.path) == [".vscode-server/data/Machine/settings.json"])
        let json = try JSONCTestSupport.parse(files[0].freshContents)
        let colors = try #require(json["workbench.colorCustomizations"] as? [String: String])
        #expect(colors["statusBar.background"] == "#4aa3ff")
        #expect(colors["activityBar.foreground"] == "#4aa3ff")
        #expect(colors.count == 22)
    }

    @Test func overridesReplaceInPlaceOrAppendSorted() throws {
        var spec = ThemeExamples.computeNode
        spec.theme?.vscode = ["statusBar.background": ThemeExamples.color("#123456"),
                              "editor.background": ThemeExamples.color("#0b2540"),
                              "badge.background": ThemeExamples.color("#4aa3ff")]
        let colors = VSCodeThemeRenderer.colors(try Palette(spec: spec))
        #expect(colors.first { $0.key == "statusBar.background" }?.color.hex == "#123456")
        #expect(colors.suffix(2).map(\.key) == ["badge.background", "editor.background"])
    }

    @Test func colourKeysAreDottedIdentifiers() {
        #expect(VSCodeThemeRenderer.isColorKey("statusBarItem.remoteBackground"))
        #expect(VSCodeThemeRenderer.isColorKey("terminal.ansiBrightBlack"))
        #expect(!VSCodeThemeRenderer.isColorKey("statusBar"))
        #expect(!VSCodeThemeRenderer.isColorKey("[Monokai].x"))
        #expect(!VSCodeThemeRenderer.isColorKey("a.b\""))
    }
}
