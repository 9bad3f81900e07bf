import RigText
import RigSpec
import RigSystem

/// The palette for a terminal: 24-bit colour swatches and a sample prompt, or, without colour
/// (NO_COLOR, not a terminal), the same list with hex values only.
package enum TerminalSwatches {
    package static func render(_ palette: Palette, color: Bool) -> String {
        var lines = ["\(palette.machine) (\(palette.role.rawValue))"]
        let width = palette.swatches.map(\.name.count).max() ?? 0
        for swatch in palette.swatches {
            let name = swatch.name.padded(to: width)
            lines.append(color ? "  \(background(swatch.color))      \(reset)  \(name)  \(swatch.color)" : "  \(name)  \(swatch.color)")
        }
        let contrast = ColorMath.formatRatio(ColorMath.contrastRatio(palette.foreground, palette.background))
        lines.append("  contrast foreground/background \(contrast)")
        if color {
            let prompt = "\(background(palette.background))\(foreground(palette.accent))\u{1b}[1mme@\(palette.machine)\u{1b}[22m"
                + "\(foreground(palette.foreground)):~$ ls \(background(palette.cursor)) \(background(palette.background))   \(reset)"
            lines.append("")
            lines.append("  \(prompt)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let reset = "\u{1b}[0m"

    private static func background(_ color: Color) -> String { "\u{1b}[48;2;\(color.red);\(color.green);\(color.blue)m" }
    private static func foreground(_ color: Color) -> String { "\u{1b}[38;2;\(color.red);\(color.green);\(color.blue)m" }
}
