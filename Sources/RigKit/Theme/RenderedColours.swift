import RigSpec
import RigText
import RigSystem

/// The colours the tools will show, read back from the files the renderers produced: the terminal's from
/// the shell snippet's OSC 10/11/12 and prompt sequences, tmux's from its config, vim's from the base scheme
/// and the machine's `g:rigctl_palette`, VS Code's from the settings JSON. What `SVGSwatchCard` draws, so
/// the card cannot show a colour the files do not set.
package struct RenderedColours: Sendable, Equatable {
    /// `foreground`, `background`, `cursor` (OSC 10, 11, 12) and `prompt` (the host's colour).
    package var terminal: [String: String] = [:]
    /// tmux option → its `fg`/`bg` (`status-style` → [`fg`: …, `bg`: …]); a `-colour` option under `fg`.
    package var tmux: [String: [String: String]] = [:]
    /// vim scheme variable → GUI colour, the machine's values over the base's.
    package var vim: [String: String] = [:]
    /// VS Code colour key → colour.
    package var vscode: [String: String] = [:]

    package init(_ files: [RenderedFile]) {
        for file in files {
            let text = file.freshContents
            switch file.path {
            case ".config/rigctl/theme.sh", ".config/rigctl/theme.zsh", ".config/fish/conf.d/rigctl-theme.fish":
                // The first shell (bash, else zsh, else fish) stands for the terminal.
                if terminal.isEmpty { terminal = Self.shellColours(text) }
            case ".config/rigctl/tmux.conf":
                tmux = Self.tmuxStyles(text)
            case ".vim/colors/rigctl.vim":
                vim.merge(Self.vimVariables(text)) { machine, _ in machine }
            case _ where file.path.hasPrefix(".vim/colors/rigctl-"):
                vim.merge(Self.vimVariables(text)) { _, machine in machine }
            case _ where file.path.hasSuffix("settings.json"):
                if case .jsonSettings(let edit) = file.installation { vscode = Self.settingsColours(text, key: edit.key) }
            default:
                break
            }
        }
    }

    /// The values the card needs that no file gave (empty for every rendered theme; a test checks).
    static let needed: [String: [String]] = [
        "terminal": ["foreground", "background", "cursor", "prompt"],
        "tmux": ["status-style.bg", "status-style.fg", "status-left.bg", "status-left.fg", "window-status-current-style.bg",
                 "window-status-current-style.fg", "window-status-style.fg", "status-right.fg"],
        "vim": ["background", "foreground", "accent", "on_accent", "muted", "cursor", "cursorline", "comment", "statement",
                "identifier", "constant", "string"],
        "vscode": ["titleBar.activeBackground", "titleBar.activeForeground", "titleBar.border", "activityBar.background",
                   "activityBar.foreground", "activityBar.inactiveForeground", "activityBar.activeBorder", "tab.activeBorderTop",
                   "statusBar.background", "statusBar.foreground", "statusBarItem.remoteBackground", "statusBarItem.remoteForeground"],
    ]

    package var missing: [String] {
        var missing: [String] = []
        for tool in Self.needed.keys.sorted() {
            for key in Self.needed[tool] ?? [] where value(tool, key) == nil { missing.append("\(tool) \(key)") }
        }
        return missing
    }

    func value(_ tool: String, _ key: String) -> String? {
        switch tool {
        case "terminal": return terminal[key]
        case "tmux":
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            return parts.count == 2 ? tmux[parts[0]]?[parts[1]] : nil
        case "vim": return vim[key]
        case "vscode": return vscode[key]
        default: return nil
        }
    }

    static func shellColours(_ text: String) -> [String: String] {
        var colours: [String: String] = [:]
        let names = ["10": "foreground", "11": "background", "12": "cursor"]
        for match in text.matches(of: /\](1[012]);(#[0-9a-fA-F]{6})/) {
            if let name = names[String(match.1)], colours[name] == nil { colours[name] = match.2.lowercased() }
        }
        if let match = text.firstMatch(of: /38;2;([0-9]{1,3});([0-9]{1,3});([0-9]{1,3})m/),
           let red = UInt8(match.1), let green = UInt8(match.2), let blue = UInt8(match.3) {
            colours["prompt"] = Color(red: red, green: green, blue: blue).hex
        } else if let match = text.firstMatch(of: /fish_color_host (?:--bold )?#?([0-9a-fA-F]{6})/) {
            colours["prompt"] = "#" + match.1.lowercased()
        }
        return colours
    }

    /// `set -g NAME "fg=#…,bg=#…"`, the `#[fg=…,bg=…]` that starts a status format, `set -g NAME-colour "#…"`.
    static func tmuxStyles(_ text: String) -> [String: [String: String]] {
        var styles: [String: [String: String]] = [:]
        for match in text.matches(of: /set -g ([a-z-]+) "([^"\n]*)"/) {
            let name = String(match.1)
            var value = String(match.2)
            if value.hasPrefix("#[") { value = String(value.dropFirst(2).prefix { $0 != "]" }) }
            if name.hasSuffix("-colour"), value.hasPrefix("#") {
                styles[name] = ["fg": value.lowercased()]
                continue
            }
            var style: [String: String] = [:]
            for part in value.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2, pair[1].hasPrefix("#") { style[pair[0]] = pair[1].lowercased() }
            }
            if !style.isEmpty { styles[name] = style }
        }
        return styles
    }

    /// `'name': ['#rrggbb', index]` entries of a scheme's variable dictionary.
    static func vimVariables(_ text: String) -> [String: String] {
        var variables: [String: String] = [:]
        for match in text.matches(of: /'([a-z_]+)': \['(#[0-9a-fA-F]{6})'/) { variables[String(match.1)] = match.2.lowercased() }
        return variables
    }

    static func settingsColours(_ text: String, key: String) -> [String: String] {
        guard let members = (try? JSONValue.parse(text))?[key]?.members else { return [:] }
        var colours: [String: String] = [:]
        for member in members { if let value = member.value.string { colours[member.key] = value.lowercased() } }
        return colours
    }
}
