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

@Suite struct TerminalSwatchesTests {
    @Test func withoutColourItListsHexValues() throws {
        #expect(TerminalSwatches.render(try ThemeExamples.palette(ThemeExamples.bigRig), color: false) == """
            big-rig (headless)
              background  #0f2a1d
              foreground  #e3f2e8
              accent      #3ddc84
              cursor      #3ddc84
              surface     #195134
              line        #1e382b
              selection   #1f6841
              muted       #84988d
              border      #268351
              contrast foreground/background 13.2:1

            """)
    }

    @Test func withColourItPaintsTrueColourSwatchesAndAPrompt() throws {
        let text = TerminalSwatches.render(try ThemeExamples.palette(ThemeExamples.workstation), color: true)
        #expect(text.contains("  \u{1b}[48;2;44;0;30m      \u{1b}[0m  background  #2c001e\n"))
        #expect(text.contains("\u{1b}[48;2;44;0;30m\u{1b}[38;2;198;120;221m\u{1b}[1mme@workstation\u{1b}[22m"))
        #expect(text.contains("\u{1b}[48;2;233;84;32m "))
    }
}
