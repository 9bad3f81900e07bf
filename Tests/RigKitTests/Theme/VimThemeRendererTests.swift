import Foundation
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

@Suite struct VimThemeRendererTests {
    @Test func rendersBaseMachineSchemeAndVimrcBlock() throws {
        let files = VimThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.bigRig))
        #expect(files.map(\.path) == [".vim/colors/rigctl.vim", ".vim/colors/rigctl-big-rig.vim", ".vimrc"])
        #expect(files[2].freshContents.hasPrefix("unlet! skip_defaults_vim\nsource $VIMRUNTIME/defaults.vim\n\n\" >>> rigctl theme >>>\n"))
        #expect(files[2].freshContents.contains("\ncolorscheme rigctl-big-rig\n"))
    }

    @Test func theBaseIsTheSameForEveryMachine() throws {
        let bases = try ThemeExamples.all.map { VimThemeRenderer.render(try Palette(spec: $0))[0].freshContents }
        #expect(Set(bases).count == 1)
    }

    @Test func overridesReachTheMachineScheme() throws {
        var spec = ThemeExamples.workstation
        spec.theme?.vim = ["comment": ThemeExamples.color("#a0a0a0")]
        let scheme = VimThemeRenderer.machineScheme(try Palette(spec: spec))
        #expect(scheme.contains("      \\ 'comment': ['#a0a0a0', 247],\n"))
    }

    /// Loads each machine's scheme in Debian's vim with no vimrc and reads the highlight groups back.
    @Test(arguments: ThemeExamples.all)
    func vimLoadsTheMachineScheme(spec: MachineSpec) async throws {
        let palette = try Palette(spec: spec)
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(VimThemeRenderer.render(palette), under: directory)
        let out = directory + "/result.txt"
        let result = try await ThemeTool.run([
            "vim", "-es", "-u", "NONE", "-i", "NONE", "-N", "--cmd", "set rtp^=\(directory)/.vim", "-c", "set t_Co=256",
            "-c", "colorscheme rigctl-\(spec.name)",
            "-c", "call writefile([g:colors_name, synIDattr(synIDtrans(hlID('Normal')), 'bg#', 'gui'), "
                + "synIDattr(hlID('Normal'), 'fg#', 'gui'), synIDattr(hlID('StatusLine'), 'bg#', 'gui'), "
                + "synIDattr(hlID('Normal'), 'bg', 'cterm'), synIDattr(hlID('String'), 'fg#', 'gui'), v:errmsg], '\(out)')",
            "-c", "qa!",
        ])
        #expect(result.succeeded, "vim: \(result.output)\(result.errorOutput)")
        let lines = try LiveSystem().readText(out).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "rigctl-\(spec.name)", palette.background.hex, palette.foreground.hex, palette.accent.hex,
            String(ColorMath.nearestXterm256(palette.background)), "#95e454", "", "",
        ])
    }

    @Test func theBaseLoadsOnItsOwnInItsNeutralGrey() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(VimThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.workstation)), under: directory)
        let out = directory + "/result.txt"
        let result = try await ThemeTool.run([
            "vim", "-es", "-u", "NONE", "-i", "NONE", "--cmd", "set rtp^=\(directory)/.vim", "-c", "colorscheme rigctl",
            "-c", "call writefile([g:colors_name, synIDattr(hlID('Normal'), 'bg#', 'gui'), v:errmsg], '\(out)')", "-c", "qa!",
        ])
        #expect(result.succeeded)
        #expect(try LiveSystem().readText(out) == "rigctl\n#242424\n\n")
    }

    /// The installed ~/.vimrc (Debian's defaults, then the block) picks the machine's scheme from ~/.vim.
    @Test func theInstalledVimrcLoadsTheScheme() async throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try ThemeInstaller.install(VimThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.computeNode)),
                                       home: home, system: LiveSystem())
        let out = home + "/result.txt"
        let result = try await ThemeTool.run([
            "env", "HOME=\(home)", "vim", "-es", "-u", "\(home)/.vimrc", "-i", "NONE",
            "-c", "call writefile([g:colors_name, synIDattr(hlID('Normal'), 'bg#', 'gui'), exists('g:syntax_on'), v:errmsg], '\(out)')",
            "-c", "qa!",
        ])
        #expect(result.succeeded, "vim: \(result.output)\(result.errorOutput)")
        #expect(try LiveSystem().readText(out) == "rigctl-compute-node\n#0b2540\n1\n\n")
    }
}
