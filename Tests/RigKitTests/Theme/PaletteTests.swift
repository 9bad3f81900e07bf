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

@Suite struct PaletteTests {
    @Test func derivesTheShadesFromTheSpec() throws {
        let palette = try ThemeExamples.palette(ThemeExamples.workstation)
        #expect(palette.swatches.map { "\($0.name) \($0.color)" } == [
            "background #2c001e", "foreground #f2e6ee", "accent #c678dd", "cursor #e95420", "surface #4e1a48",
            "line #3a102d", "selection #622a61", "muted #997f90", "border #793c7e",
        ])
        #expect(palette.onAccent.hex == "#2c001e")
        #expect(palette.role == .desktop)
    }

    @Test func cursorDefaultsToTheAccent() throws {
        let palette = try ThemeExamples.palette(ThemeExamples.bigRig)
        #expect(palette.cursor.hex == "#3ddc84")
    }

    @Test func lowContrastNamesBothColoursAndTheRatio() {
        var spec = ThemeExamples.computeNode
        spec.theme?.foreground = ThemeExamples.color("#777777")
        spec.theme?.background = ThemeExamples.color("#666666")
        spec.locations["theme.foreground"] = SourceLocation(file: "machines/compute-node.yaml", line: 31, column: 15)
        let expected = ThemeError(
            keyPath: "theme.foreground",
            message: "theme.foreground #777777 on theme.background #666666 has contrast 1.2:1; needs at least 4.5:1",
            location: SourceLocation(file: "machines/compute-node.yaml", line: 31, column: 15))
        #expect(throws: expected) { try Palette(spec: spec) }
        #expect(expected.description == "machines/compute-node.yaml:31:15: error: theme.foreground #777777 on "
                + "theme.background #666666 has contrast 1.2:1; needs at least 4.5:1")
    }

    @Test func unknownOverridesAreErrors() {
        var spec = ThemeExamples.workstation
        spec.theme?.vim = ["comments": ThemeExamples.color("#aaaaaa")]
        #expect(throws: ThemeError.self) { try Palette(spec: spec) }
        do {
            _ = try Palette(spec: spec)
        } catch {
            #expect(error.keyPath == "theme.vim.comments")
            #expect(error.message.hasPrefix("theme.vim.comments is not a variable of the rigctl vim scheme; known: background, foreground, accent,"))
        }
        spec = ThemeExamples.workstation
        spec.theme?.vscode = ["status bar": ThemeExamples.color("#aaaaaa")]
        #expect(throws: ThemeError(keyPath: "theme.vscode.status bar",
                                   message: "theme.vscode.status bar is not a VS Code colour key (like \"statusBar.background\")")) {
            try Palette(spec: spec)
        }
    }

    @Test func machineNamesMustBeUsableInFileNames() {
        var spec = ThemeExamples.workstation
        spec.name = "../evil"
        #expect(throws: ThemeError.self) { try Palette(spec: spec) }
    }
}
