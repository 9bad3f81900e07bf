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

    /// The machine scheme's palette lines are chosen once per `SchemeColours` (every colour and override, not
    /// the machine's name): each palette gets what it would get on its own, whatever was rendered before it.
    @Test func schemesSharingColoursDifferOnlyInTheirNames() throws {
        var specs = ThemeExamples.all
        for spec in ThemeExamples.all {
            var renamed = spec
            renamed.name += "-twin"
            var overridden = spec
            overridden.theme?.vim = ["comment": ThemeExamples.color("#a0a0a0"), "background": spec.theme!.background]
            var recoloured = spec
            recoloured.theme?.cursor = ThemeExamples.color("#010203")
            specs += [renamed, overridden, recoloured]
        }
        for _ in 0..<2 {
            for spec in specs {
                let palette = try Palette(spec: spec)
                let lines = VimThemeRenderer.dictionaryLines(VimThemeRenderer.ownValues(palette), indices: VimThemeRenderer.xtermIndices(palette))
                let scheme = VimThemeRenderer.machineScheme(palette)
                #expect(scheme.contains("let g:rigctl_palette = {\n" + lines + "\n      \\ }\n"), "\(spec.name)")
                #expect(scheme.contains("rigctl-\(spec.name)"))
            }
        }
        let twins = try ThemeExamples.all.map { spec in
            var renamed = spec
            renamed.name += "-twin"
            return (VimThemeRenderer.machineScheme(try Palette(spec: spec)), VimThemeRenderer.machineScheme(try Palette(spec: renamed)), spec.name)
        }
        for (scheme, twin, name) in twins {
            #expect(scheme.replacingOccurrences(of: name, with: name + "-twin") == twin)
        }
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

/// Without true colour, vim draws with the 256-colour indices: every pair of variables that differ in
/// 24 bits must differ there too, by a step the eye sees (`ColorMath.minimumXtermSeparation`, or their own
/// distance when they are closer), and vim itself must end up with different backgrounds for the diff
/// groups and for Visual and CursorLine.
@Suite struct VimTerminalColourTests {
    @Test(arguments: ThemeExamples.all)
    func coloursThatDifferInTrueColourDifferIn256(spec: MachineSpec) throws {
        let palette = try Palette(spec: spec)
        let values = VimThemeRenderer.values(palette)
        let indices = VimThemeRenderer.xtermIndices(palette)
        let names = VimThemeRenderer.variableOrder
        #expect(Set(names).isSubset(of: Set(indices.keys)))
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] where values[a] != values[b] {
                let (x, y) = (ColorMath.xterm256(indices[a]!), ColorMath.xterm256(indices[b]!))
                let needed = min(ColorMath.squaredDistance(values[a]!, values[b]!), ColorMath.minimumXtermSeparation)
                #expect(indices[a] != indices[b] && ColorMath.squaredDistance(x, y) >= needed,
                        "\(spec.name): \(a) \(values[a]!.hex) → \(indices[a]!) and \(b) \(values[b]!.hex) → \(indices[b]!) too close")
            }
        }
    }

    @Test(arguments: ThemeExamples.all)
    func vimIn256ColoursKeepsDiffsAndSelectionApart(spec: MachineSpec) async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(VimThemeRenderer.render(try Palette(spec: spec)), under: directory)
        let out = directory + "/result.txt"
        let groups = ["DiffAdd", "DiffDelete", "DiffChange", "DiffText", "Visual", "CursorLine", "Normal"]
        let result = try await ThemeTool.run([
            "vim", "-es", "-u", "NONE", "-i", "NONE", "-N", "--cmd", "set rtp^=\(directory)/.vim", "-c", "set t_Co=256 notermguicolors",
            "-c", "colorscheme rigctl-\(spec.name)",
            "-c", "call writefile(map(\(groups), {_, g -> synIDattr(synIDtrans(hlID(g)), 'bg', 'cterm')}), '\(out)')",
            "-c", "qa!",
        ])
        #expect(result.succeeded, "vim: \(result.output)\(result.errorOutput)")
        let backgrounds = try LiveSystem().readText(out).split(separator: "\n").map(String.init)
        try #require(backgrounds.count == groups.count && backgrounds.allSatisfy { Int($0) != nil }, "\(backgrounds)")
        #expect(Set(backgrounds[0..<4] + [backgrounds[6]]).count == 5, "\(spec.name): diff backgrounds \(backgrounds)")
        #expect(Set([backgrounds[4], backgrounds[5], backgrounds[6]]).count == 3, "\(spec.name): Visual, CursorLine, Normal \(backgrounds)")
    }
}
