import RigSpec
import RigSystem

/// Every theme file of one machine: its shells (bash, zsh, fish, as `theme.shells` chooses), tmux, vim,
/// neovim and VS Code, each tool's files in that order.
package enum ThemeRenderer {
    /// The files for `spec`'s theme, or an error naming the spec key at fault.
    package static func render(_ spec: MachineSpec) throws(ThemeError) -> [RenderedFile] {
        try render(Palette(spec: spec))
    }

    /// The theme files for a machine's home: none when the spec has no `theme:`.
    package static func homeFiles(for spec: MachineSpec) throws(ThemeError) -> [RenderedFile] {
        spec.theme == nil ? [] : try render(spec)
    }

    /// Themes that cannot be rendered, as spec diagnostics (`file:line:col: error:`), for `validate` and `generate`.
    package static func diagnostics(for specs: [MachineSpec]) -> [Diagnostic] {
        specs.compactMap { spec -> Diagnostic? in
            do throws(ThemeError) {
                _ = try homeFiles(for: spec)
                return nil
            } catch {
                return Diagnostic(at: error.location ?? SourceLocation(file: spec.file, line: 1, column: 1), error.message)
            }
        }
    }

    package static func render(_ palette: Palette) -> [RenderedFile] {
        let shells = palette.shells.flatMap { shell -> [RenderedFile] in
            switch shell {
            case .bash: return BashThemeRenderer.render(palette)
            case .zsh: return ZshThemeRenderer.render(palette)
            case .fish: return FishThemeRenderer.render(palette)
            }
        }
        // Vim and neovim get the same machine scheme: chosen (256-colour indices and all) once.
        let scheme = VimThemeRenderer.machineScheme(palette)
        return shells + TmuxThemeRenderer.render(palette) + VimThemeRenderer.render(palette, machineScheme: scheme)
            + NeovimThemeRenderer.render(palette, machineScheme: scheme) + VSCodeThemeRenderer.render(palette)
    }
}

extension ThemeRenderer {
    /// Writes each file as a fresh HOME would get it under `directory` (`rigctl render --out`);
    /// returns the paths written.
    package static func write(_ files: [RenderedFile], under directory: String, system: any System) throws(InstallError) -> [String] {
        var written: [String] = []
        for file in files {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + file.path
            do {
                try system.writeText(path, file.freshContents, mode: file.mode)
            } catch {
                throw InstallError(path: path, message: "cannot write: \(error.reason)")
            }
            written.append(path)
        }
        return written
    }

    /// How `file` is installed, in a few words: "whole file", "block in", "merged into".
    package static func installationSummary(_ file: RenderedFile) -> String {
        switch file.installation {
        case .wholeFile: return "file"
        case .managedBlock: return "block"
        case .jsonSettings(let edit): return "merge \(edit.key)"
        }
    }
}
