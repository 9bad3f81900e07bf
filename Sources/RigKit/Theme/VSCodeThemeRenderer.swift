import RigSpec
import RigSystem

/// Renders `workbench.colorCustomizations` (title bar, activity bar, status bar, tab and focus accents) for
/// the user settings on a desktop, or the remote machine settings of VS Code Server on a headless machine.
package enum VSCodeThemeRenderer {
    package static let settingsKey = "workbench.colorCustomizations"
    /// VS Code's user settings on Linux.
    package static let desktopSettingsPath = ".config/Code/User/settings.json"
    /// VS Code's user settings on macOS (VS Code docs, "User and Workspace Settings": settings file
    /// locations, macOS `$HOME/Library/Application Support/Code/User/settings.json`).
    package static let macDesktopSettingsPath = "Library/Application Support/Code/User/settings.json"

    /// The user settings file of a desktop on `platform`, relative to the home.
    package static func desktopSettingsPath(on platform: DistributionProfile.Platform) -> String {
        platform == .macOS ? macDesktopSettingsPath : desktopSettingsPath
    }
    /// The remote machine settings VS Code Server reads when a window is connected to this machine.
    package static let remoteSettingsPath = ".vscode-server/data/Machine/settings.json"

    package static func render(_ palette: Palette) -> [RenderedFile] {
        let path = palette.role == .desktop ? desktopSettingsPath(on: palette.platform) : remoteSettingsPath
        let settings = colors(palette).map { JSONSetting(key: $0.key, value: $0.color.hex) }
        return [RenderedFile(path: path, installation: .jsonSettings(JSONSettingsEdit(key: settingsKey, settings: settings)))]
    }

    /// The colour keys in a fixed order; `theme.vscode` replaces a key in place or adds it (sorted) after.
    package static func colors(_ p: Palette) -> [(key: String, color: Color)] {
        var colors: [(key: String, color: Color)] = [
            ("titleBar.activeBackground", p.background),
            ("titleBar.activeForeground", p.foreground),
            ("titleBar.inactiveBackground", p.background),
            ("titleBar.inactiveForeground", p.muted),
            ("titleBar.border", p.accent),
            ("activityBar.background", p.background),
            ("activityBar.foreground", p.accent),
            ("activityBar.inactiveForeground", p.muted),
            ("activityBar.activeBorder", p.accent),
            ("activityBarBadge.background", p.accent),
            ("activityBarBadge.foreground", p.onAccent),
            ("statusBar.background", p.accent),
            ("statusBar.foreground", p.onAccent),
            ("statusBar.noFolderBackground", p.accent),
            ("statusBar.noFolderForeground", p.onAccent),
            ("statusBar.debuggingBackground", p.cursor),
            ("statusBar.debuggingForeground", ColorMath.mostReadable(on: p.cursor, among: [p.background, p.foreground])),
            ("statusBarItem.remoteBackground", p.background),
            ("statusBarItem.remoteForeground", p.foreground),
            ("tab.activeBorderTop", p.accent),
            ("focusBorder", p.accent),
            ("sash.hoverBorder", p.accent),
        ]
        for key in p.vscodeOverrides.keys.sorted() {
            guard let color = p.vscodeOverrides[key] else { continue }
            if let index = colors.firstIndex(where: { $0.key == key }) {
                colors[index].color = color
            } else {
                colors.append((key, color))
            }
        }
        return colors
    }

    /// Whether `key` looks like a VS Code colour key: dot-separated identifiers, such as `statusBar.background`.
    package static func isColorKey(_ key: String) -> Bool {
        key.wholeMatch(of: /[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+/) != nil
    }
}
