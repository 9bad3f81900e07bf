import RigSpec
import RigSystem

/// One machine's colours: the spec's four plus the shades each tool needs, validated once.
package struct Palette: Sendable, Equatable {
    /// WCAG AA for normal text.
    package static let minimumContrast = 4.5

    package let machine: String
    package let role: MachineSpec.Role
    /// Linux or macOS: where the files go (`VSCodeThemeRenderer`).
    package let platform: DistributionProfile.Platform
    package let background: Color
    package let foreground: Color
    package let accent: Color
    /// The text cursor; the accent when the spec names none.
    package let cursor: Color
    /// Text drawn on the accent: the background or the foreground, whichever reads better.
    package let onAccent: Color
    /// Bars and status lines: the background tinted towards the accent.
    package let surface: Color
    /// The current line: the background a shade lighter.
    package let lineHighlight: Color
    /// Selected text: the background well towards the accent.
    package let selection: Color
    /// Secondary text (line numbers, inactive tabs): the foreground faded into the background.
    package let muted: Color
    /// Pane and window borders.
    package let border: Color
    /// `theme.vim`: base-scheme variable → colour.
    package let vimOverrides: [String: Color]
    /// `theme.vscode`: VS Code colour key → colour.
    package let vscodeOverrides: [String: Color]
    /// `theme.shells`: the shells whose files are rendered.
    package let shells: [MachineSpec.Theme.Shell]

    /// `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`, by bytes (a Swift `Regex` literal cost more than the rest of the palette).
    static func canNameFiles(_ machine: String) -> Bool {
        let bytes = machine.utf8
        guard (1...64).contains(bytes.count), let first = bytes.first else { return false }
        let alnum = { (b: UInt8) in (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        return alnum(first) && bytes.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// The palette of `spec`, or an error naming the spec key at fault.
    package init(spec: MachineSpec) throws(ThemeError) {
        guard let theme = spec.theme else {
            throw ThemeError(keyPath: "theme", message: "machine \(spec.name) has no theme: section",
                             location: spec.locations.nearest("theme"))
        }
        try self.init(machine: spec.name, role: spec.role, theme: theme, locations: spec.locations, platform: spec.os.profile.platform)
    }

    package init(machine: String, role: MachineSpec.Role, theme: MachineSpec.Theme,
                locations: SourceMap = SourceMap(), platform: DistributionProfile.Platform = .linux) throws(ThemeError) {
        guard Palette.canNameFiles(machine) else {
            throw ThemeError(keyPath: "", message: "machine name \"\(machine)\" cannot name theme files; "
                + "use letters, digits, '.', '_' and '-'", location: locations.nearest(""))
        }
        let ratio = ColorMath.contrastRatio(theme.foreground, theme.background)
        guard ratio >= Palette.minimumContrast else {
            throw ThemeError(
                keyPath: "theme.foreground",
                message: "theme.foreground \(theme.foreground) on theme.background \(theme.background) has contrast "
                    + "\(ColorMath.formatRatio(ratio)); needs at least \(ColorMath.formatRatio(Palette.minimumContrast))",
                location: locations.nearest("theme.foreground"))
        }
        for name in theme.vim.keys.sorted() where VimThemeRenderer.variables[name] == nil {
            throw ThemeError(
                keyPath: "theme.vim.\(name)",
                message: "theme.vim.\(name) is not a variable of the rigctl vim scheme; known: "
                    + VimThemeRenderer.variableOrder.joined(separator: ", "),
                location: locations.nearest("theme.vim.\(name)"))
        }
        for key in theme.vscode.keys.sorted() where !VSCodeThemeRenderer.isColorKey(key) {
            throw ThemeError(
                keyPath: "theme.vscode.\(key)",
                message: "theme.vscode.\(key) is not a VS Code colour key (like \"statusBar.background\")",
                location: locations.nearest("theme.vscode.\(key)"))
        }
        self.init(machine: machine, role: role, background: theme.background, foreground: theme.foreground,
                  accent: theme.accent, cursor: theme.cursor, vimOverrides: theme.vim, vscodeOverrides: theme.vscode,
                  shells: theme.shells, platform: platform)
    }

    /// Derives the shades without validating: for colours known to be good (the base scheme's own).
    init(machine: String, role: MachineSpec.Role, background: Color, foreground: Color, accent: Color, cursor: Color?,
         vimOverrides: [String: Color] = [:], vscodeOverrides: [String: Color] = [:],
         shells: [MachineSpec.Theme.Shell] = [.bash], platform: DistributionProfile.Platform = .linux) {
        self.machine = machine
        self.role = role
        self.platform = platform
        self.background = background
        self.foreground = foreground
        self.accent = accent
        self.cursor = cursor ?? accent
        onAccent = ColorMath.mostReadable(on: accent, among: [background, foreground])
        surface = ColorMath.mix(background, accent, 0.22)
        lineHighlight = ColorMath.mix(background, foreground, 0.07)
        selection = ColorMath.mix(background, accent, 0.35)
        muted = ColorMath.mix(foreground, background, 0.45)
        border = ColorMath.mix(background, accent, 0.5)
        self.vimOverrides = vimOverrides
        self.vscodeOverrides = vscodeOverrides
        self.shells = shells
    }

    /// The palette's named colours in a fixed order, for swatches and previews.
    package var swatches: [(name: String, color: Color)] {
        [("background", background), ("foreground", foreground), ("accent", accent), ("cursor", cursor),
         ("surface", surface), ("line", lineHighlight), ("selection", selection), ("muted", muted), ("border", border)]
    }
}
