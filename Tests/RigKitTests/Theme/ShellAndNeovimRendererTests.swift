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

/// zsh and fish files checked by the shells themselves; the shells a spec chooses; neovim loading the
/// scheme through its own start-up (no init file edited).
@Suite struct ShellAndNeovimRendererTests {
    func everyShell(_ spec: MachineSpec) -> MachineSpec {
        var spec = spec
        spec.theme?.shells = [.bash, .zsh, .fish]
        return spec
    }

    @Test func theSpecChoosesTheShellsBashByDefault() throws {
        let paths = try ThemeRenderer.render(ThemeExamples.workstation).map(\.path)
        #expect(paths.contains(".bashrc") && !paths.contains(".zshrc") && !paths.contains(FishThemeRenderer.confPath))
        var spec = ThemeExamples.workstation
        spec.theme?.shells = [.fish, .zsh]
        let chosen = try ThemeRenderer.render(spec).map(\.path)
        #expect(Array(chosen.prefix(3)) == [FishThemeRenderer.confPath, ZshThemeRenderer.snippetPath, ".zshrc"])
        #expect(!chosen.contains(".bashrc"))
    }

    @Test(arguments: ThemeExamples.all)
    func zshAndFishAcceptTheirFiles(spec: MachineSpec) async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(try ThemeRenderer.render(everyShell(spec)), under: directory)
        for (shell, file) in [("zsh", ZshThemeRenderer.snippetPath), ("zsh", ".zshrc"), ("fish", FishThemeRenderer.confPath)] {
            let syntax = try await ThemeTool.run([shell, "-n", "\(directory)/\(file)"])
            #expect(syntax.succeeded, "\(shell) -n \(file): \(syntax.output)\(syntax.errorOutput)")
        }
    }

    /// What the tmux hook runs: the file as a command prints the colours and nothing else.
    @Test func runAsACommandTheyPrintOnlyTheColours() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(try ThemeRenderer.render(everyShell(ThemeExamples.workstation)), under: directory)
        let zsh = try await ThemeTool.run(["zsh", "\(directory)/\(ZshThemeRenderer.snippetPath)"])
        #expect(zsh.succeeded && zsh.output == BashThemeRendererTests.osc)
        let fish = try await ThemeTool.run(["fish", "\(directory)/\(FishThemeRenderer.confPath)", "--print"])
        #expect(fish.succeeded && fish.output == BashThemeRendererTests.osc)
    }

    @Test func nonInteractiveShellsAreLeftAlone() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(try ThemeRenderer.render(everyShell(ThemeExamples.workstation)), under: directory)
        let zsh = try await ThemeTool.run(["zsh", "-f", "-c", ". \(directory)/\(ZshThemeRenderer.snippetPath); echo \"done $+functions[ssh]\""])
        #expect(zsh.output == "done 0\n")
        let fish = try await ThemeTool.run(["fish", "--no-config", "-c", "source \(directory)/\(FishThemeRenderer.confPath); "
                                            + "functions -q ssh; echo done $status"])
        #expect(fish.output == "done 1\n")
    }

    /// A real neovim with the installed home: it reads its own init.lua (one the user has), then the rigctl
    /// plugin, which picks the machine's scheme; the colours are read back.
    @Test(arguments: ThemeExamples.all)
    func neovimLoadsTheMachineScheme(spec: MachineSpec) async throws {
        let palette = try Palette(spec: spec)
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try LiveSystem().writeText(home + "/.config/nvim/init.lua", "vim.opt.number = true\n")
        _ = try ThemeInstaller.install(try ThemeRenderer.render(spec), home: home, system: LiveSystem())
        let out = home + "/result.txt"
        let result = try await ThemeTool.run([
            "env", "HOME=\(home)", "XDG_CONFIG_HOME=\(home)/.config", "XDG_DATA_HOME=\(home)/.local/share",
            "XDG_STATE_HOME=\(home)/.local/state", "COLORTERM=truecolor", "nvim", "--headless", "-i", "NONE",
            "-c", "call writefile([g:colors_name, synIDattr(synIDtrans(hlID('Normal')), 'bg#', 'gui'), "
                + "synIDattr(hlID('Normal'), 'fg#', 'gui'), synIDattr(hlID('StatusLine'), 'bg#', 'gui'), &termguicolors, &number, v:errmsg], '\(out)')",
            "-c", "qa!",
        ])
        #expect(result.succeeded, "nvim: \(result.output)\(result.errorOutput)")
        let lines = try LiveSystem().readText(out).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == ["rigctl-\(spec.name)", palette.background.hex, palette.foreground.hex, palette.accent.hex, "1", "1", "", ""])
    }
}
