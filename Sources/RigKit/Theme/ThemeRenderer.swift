import RigSpec

/// Every theme file of one machine: bash, tmux, vim and VS Code, each tool's files in that order.
public enum ThemeRenderer {
    /// The files for `spec`'s theme, or an error naming the spec key at fault.
    public static func render(_ spec: MachineSpec) throws(ThemeError) -> [RenderedFile] {
        try render(Palette(spec: spec))
    }

    public static func render(_ palette: Palette) -> [RenderedFile] {
        BashThemeRenderer.render(palette) + TmuxThemeRenderer.render(palette)
            + VimThemeRenderer.render(palette) + VSCodeThemeRenderer.render(palette)
    }
}
