import RigSpec
import RigSystem

/// An SVG card of one machine's palette: the swatches, and the terminal with its tmux status line,
/// vim and a VS Code window as they will look. Deterministic, for build logs and the README.
package enum SVGSwatchCard {
    static let width = 760
    static let height = 548
    /// The card's frame: a neutral near-black that sits well on light and dark pages.
    static let frame = "#17171c"
    static let label = "#c8c8d0"
    static let dimLabel = "#8a8a96"
    /// VS Code's own editor grey, around which the machine's bars are painted.
    static let editorGrey = "#1e1e1e"
    static let mono = "DejaVu Sans Mono, Menlo, Consolas, monospace"
    static let sans = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// The advance of one character of the monospaced font at 13 px (0.6 em), for placing cursors.
    static func column(_ count: Int) -> Int { count * 78 / 10 }

    package static func render(_ palette: Palette) -> String {
        render(palette, files: ThemeRenderer.render(palette))
    }

    /// The card, its mock-ups in the colours `files` set (`RenderedColours`): the palette's swatches above them.
    package static func render(_ palette: Palette, files: [RenderedFile]) -> String {
        let drawn = RenderedColours(files)
        var svg = SVGWriter()
        let p = palette
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": "\(width)", "height": "\(height)",
                         "viewBox": "0 0 \(width) \(height)", "role": "img", "aria-label": "rigctl theme of \(p.machine)"])
        svg.element("title", text: "rigctl theme: \(p.machine)")
        svg.rect(0, 0, width, height, fill: frame, radius: 14)

        // Header: the machine, its role and the accent.
        svg.rect(24, 24, 12, 28, fill: p.accent.hex, radius: 3)
        svg.heading(46, 46, p.machine, fill: "#f4f4f6", size: 22, subtitle: p.role.rawValue, subtitleFill: dimLabel,
                    subtitleSize: 14, family: sans)
        svg.text(width - 24, 46, "rigctl theme", fill: dimLabel, size: 13, family: sans, anchor: "end")

        // Swatches with their names and values.
        let swatches = p.swatches
        let step = (width - 48) / swatches.count
        for (index, swatch) in swatches.enumerated() {
            let x = 24 + index * step
            svg.rect(x, 70, step - 10, 44, fill: swatch.color.hex, radius: 6, stroke: "#3a3a44")
            svg.text(x, 132, swatch.name, fill: label, size: 12, family: sans)
            svg.text(x, 148, swatch.color.hex, fill: dimLabel, size: 11, family: mono)
        }

        terminal(&svg, p, drawn, x: 24, y: 172, width: 348, height: 196)
        vim(&svg, p, drawn, x: 388, y: 172, width: 348, height: 196)
        vscode(&svg, p, drawn, x: 24, y: 388, width: width - 48, height: 136)
        svg.close("svg")
        return svg.text
    }

    /// A terminal in the machine's colours: prompt in the accent, the cursor, and the tmux status line.
    private static func terminal(_ svg: inout SVGWriter, _ p: Palette, _ drawn: RenderedColours, x: Int, y: Int, width: Int, height: Int) {
        func term(_ key: String) -> String { drawn.terminal[key] ?? p.foreground.hex }
        func tmux(_ option: String, _ part: String) -> String { drawn.tmux[option]?[part] ?? p.foreground.hex }
        let background = term("background"), foreground = term("foreground"), promptColour = term("prompt")
        let muted = tmux("status-right", "fg")
        svg.rect(x, y, width, height, fill: background, radius: 8, stroke: "#3a3a44")
        windowDots(&svg, x: x + 14, y: y + 14)
        svg.text(x + width / 2, y + 18, "terminal", fill: muted, size: 11, family: sans, anchor: "middle")
        let prompt = "me@\(p.machine)"
        let promptWidth = column(prompt.count + 4)
        var line = y + 48
        svg.text(x + 14, line, [(prompt, promptColour, "bold"), (":~$ ", foreground, nil), ("rigctl diff", foreground, nil)], size: 13)
        line += 20
        svg.text(x + 14, line, [("ok    ", "#95e454", nil), ("drivers.nvidia.version", foreground, nil)], size: 13)
        line += 20
        svg.text(x + 14, line, [("ok    ", "#95e454", nil), ("theme", foreground, nil)], size: 13)
        line += 20
        svg.text(x + 14, line, [("\(p.machine) matches its spec", muted, nil)], size: 13)
        line += 20
        svg.text(x + 14, line, [(prompt, promptColour, "bold"), (":~$ ", foreground, nil)], size: 13)
        svg.rect(x + 14 + promptWidth, line - 12, column(1), 15, fill: term("cursor"))
        // tmux status line.
        let bar = y + height - 26
        svg.rect(x + 1, bar, width - 2, 20, fill: tmux("status-style", "bg"))
        let host = " \(p.machine) "
        svg.rect(x + 1, bar, host.count * 8 + 4, 20, fill: tmux("status-left", "bg"))
        svg.text(x + 3, bar + 14, [(host, tmux("status-left", "fg"), "bold")], size: 12)
        let windowX = x + host.count * 8 + 12
        svg.rect(windowX, bar, 56, 20, fill: tmux("window-status-current-style", "bg"))
        svg.text(windowX + 4, bar + 14, [("0:bash*", tmux("window-status-current-style", "fg"), "bold")], size: 12)
        svg.text(windowX + 64, bar + 14, [("1:vim", tmux("window-status-style", "fg"), nil)], size: 12)
        svg.text(x + width - 8, bar + 14, [("12:00", muted, nil)], size: 12, anchor: "end")
    }

    /// vim with the machine's scheme: line numbers, the cursor line, wombat-like syntax, the status line.
    private static func vim(_ svg: inout SVGWriter, _ p: Palette, _ drawn: RenderedColours, x: Int, y: Int, width: Int, height: Int) {
        func c(_ name: String) -> String { drawn.vim[name] ?? p.foreground.hex }
        let foreground = c("foreground")
        svg.rect(x, y, width, height, fill: c("background"), radius: 8, stroke: "#3a3a44")
        windowDots(&svg, x: x + 14, y: y + 14)
        svg.text(x + width / 2, y + 18, "vim", fill: c("muted"), size: 11, family: sans, anchor: "middle")
        let code: [[(String, String, String?)]] = [
            [("# train.py", c("comment"), "italic")],
            [("import", c("statement"), nil), (" torch", foreground, nil)],
            [("def", c("statement"), nil), (" ", foreground, nil), ("train", c("identifier"), nil), ("(epochs=", foreground, nil), ("10", c("constant"), nil), ("):", foreground, nil)],
            [("    device = ", foreground, nil), ("\"cuda\"", c("string"), nil)],
            [("    ", foreground, nil), ("return", c("statement"), nil), (" ", foreground, nil), ("None", c("constant"), nil)],
        ]
        for (index, segments) in code.enumerated() {
            let baseline = y + 48 + index * 20
            if index == 3 {
                svg.rect(x + 1, baseline - 14, width - 2, 19, fill: c("cursorline"))
                svg.rect(x + 44 + column(14), baseline - 12, column(1), 15, fill: c("cursor"))
                svg.text(x + 12, baseline, [(" \(index + 1)", c("accent"), "bold")], size: 13)
            } else {
                svg.text(x + 12, baseline, [(" \(index + 1)", c("muted"), nil)], size: 13)
            }
            svg.text(x + 44, baseline, segments, size: 13)
        }
        let bar = y + height - 26
        svg.rect(x + 1, bar, width - 2, 20, fill: c("accent"))
        svg.text(x + 8, bar + 14, [(" NORMAL  train.py", c("on_accent"), "bold")], size: 12)
        svg.text(x + width - 8, bar + 14, [("4,15  All", c("on_accent"), nil)], size: 12, anchor: "end")
    }

    /// A VS Code window: title bar, activity bar and status bar in the machine's colours.
    private static func vscode(_ svg: inout SVGWriter, _ p: Palette, _ drawn: RenderedColours, x: Int, y: Int, width: Int, height: Int) {
        func c(_ key: String) -> String { drawn.vscode[key] ?? p.foreground.hex }
        svg.rect(x, y, width, height, fill: editorGrey, radius: 8, stroke: "#3a3a44")
        // Title bar.
        svg.rect(x + 1, y + 1, width - 2, 26, fill: c("titleBar.activeBackground"), radius: 7)
        svg.rect(x + 1, y + 14, width - 2, 13, fill: c("titleBar.activeBackground"))
        svg.rect(x + 1, y + 27, width - 2, 1, fill: c("titleBar.border"))
        windowDots(&svg, x: x + 14, y: y + 14)
        let remote = p.role == .headless ? " [SSH: \(p.machine)]" : " — \(p.machine)"
        svg.text(x + width / 2, y + 18, "train.py\(remote) — Visual Studio Code", fill: c("titleBar.activeForeground"),
                 size: 12, family: sans, anchor: "middle")
        // Activity bar with four icons, the first active.
        let top = y + 28, bottom = y + height - 23
        svg.rect(x + 1, top, 44, bottom - top, fill: c("activityBar.background"))
        for index in 0..<3 {
            let iconY = top + 10 + index * 22
            svg.rect(x + 13, iconY, 20, 14, fill: index == 0 ? c("activityBar.foreground") : c("activityBar.inactiveForeground"), radius: 3)
        }
        svg.rect(x + 1, top + 6, 2, 22, fill: c("activityBar.activeBorder"))
        // Editor: one tab with the accent's top border, and a few lines of code.
        svg.rect(x + 45, top, 130, 24, fill: editorGrey)
        svg.rect(x + 45, top, 130, 2, fill: c("tab.activeBorderTop"))
        svg.text(x + 57, top + 16, "train.py", fill: "#d4d4d4", size: 12, family: sans)
        svg.text(x + 60, top + 46, [("import", "#c586c0", nil), (" torch", "#d4d4d4", nil)], size: 12)
        svg.text(x + 60, top + 64, [("device", "#9cdcfe", nil), (" = ", "#d4d4d4", nil), ("\"cuda\"", "#ce9178", nil)], size: 12)
        // Status bar: the remote item, then the machine's accent.
        let bar = y + height - 23
        svg.rect(x + 1, bar, width - 2, 22, fill: c("statusBar.background"), radius: 7)
        svg.rect(x + 1, bar, width - 2, 11, fill: c("statusBar.background"))
        let remoteLabel = p.role == .headless ? " >< SSH: \(p.machine) " : " >< \(p.machine) "
        svg.rect(x + 1, bar, remoteLabel.count * 7 + 8, 22, fill: c("statusBarItem.remoteBackground"))
        svg.text(x + 5, bar + 15, [(remoteLabel, c("statusBarItem.remoteForeground"), nil)], size: 11)
        svg.text(x + remoteLabel.count * 7 + 20, bar + 15, [("main  ⊗ 0  ⚠ 0", c("statusBar.foreground"), nil)], size: 11)
        svg.text(x + width - 12, bar + 15, [("Ln 4, Col 15  UTF-8  Python", c("statusBar.foreground"), nil)], size: 11, anchor: "end")
    }

    private static func windowDots(_ svg: inout SVGWriter, x: Int, y: Int) {
        for (index, color) in ["#ff5f57", "#febc2e", "#28c840"].enumerated() {
            svg.circle(x + index * 14, y, 4, fill: color)
        }
    }
}

/// Writes SVG elements with escaped text and attributes in a fixed order.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        line("<\(name)\(render(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func element(_ name: String, text content: String) {
        line("<\(name)>\(escape(content))</\(name)>")
    }

    mutating func rect(_ x: Int, _ y: Int, _ width: Int, _ height: Int, fill: String, radius: Int = 0, stroke: String? = nil) {
        var attributes = "x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\""
        if radius > 0 { attributes += " rx=\"\(radius)\"" }
        attributes += " fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        line("<rect \(attributes)/>")
    }

    mutating func circle(_ x: Int, _ y: Int, _ radius: Int, fill: String) {
        line("<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(radius)\" fill=\"\(fill)\"/>")
    }

    mutating func text(_ x: Int, _ y: Int, _ content: String, fill: String, size: Int, family: String,
                       weight: String? = nil, anchor: String? = nil) {
        var attributes = "x=\"\(x)\" y=\"\(y)\" fill=\"\(fill)\" font-family=\"\(family)\" font-size=\"\(size)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        line("<text \(attributes)>\(escape(content))</text>")
    }

    /// A bold title followed, a little apart, by a smaller subtitle, laid out by the renderer.
    mutating func heading(_ x: Int, _ y: Int, _ title: String, fill: String, size: Int, subtitle: String,
                          subtitleFill: String, subtitleSize: Int, family: String) {
        line("<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(family)\"><tspan fill=\"\(fill)\" font-size=\"\(size)\" "
            + "font-weight=\"bold\">\(escape(title))</tspan><tspan dx=\"12\" fill=\"\(subtitleFill)\" "
            + "font-size=\"\(subtitleSize)\">\(escape(subtitle))</tspan></text>")
    }

    /// Monospaced text in coloured runs: (text, colour, "bold"/"italic"/nil).
    mutating func text(_ x: Int, _ y: Int, _ runs: [(String, String, String?)], size: Int, anchor: String? = nil) {
        var attributes = "x=\"\(x)\" y=\"\(y)\" font-family=\"\(SVGSwatchCard.mono)\" font-size=\"\(size)\" xml:space=\"preserve\""
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        let spans = runs.map { run -> String in
            let style = run.2.map { $0 == "italic" ? " font-style=\"italic\"" : " font-weight=\"\($0)\"" } ?? ""
            return "<tspan fill=\"\(run.1)\"\(style)>\(escape(run.0))</tspan>"
        }.joined()
        line("<text \(attributes)>\(spans)</text>")
    }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    private func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
