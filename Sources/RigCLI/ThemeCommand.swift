import ArgumentParser
import Foundation
import RigKit
import RigSpec

struct ThemeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Look at a machine's colour theme.",
        subcommands: [Preview.self])

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a machine's palette as true-colour swatches; optionally write an SVG swatch card.",
            discussion: """
            Prints hex values only when NO_COLOR is set or standard output is not a terminal. \
            The SVG card (terminal, tmux, vim and VS Code mock-ups) is what build logs and the README show.
            Exit codes: 0 done; 1 the SVG could not be written; 2 a spec or theme that cannot be used.
            """)

        @Argument(help: "The machine (a name in machines/ or a spec file); default: the one whose hostname is this machine's.")
        var machine: String?

        @Option(help: "Directory of machine specs.")
        var machines = "machines"

        @Option(help: "Write the SVG swatch card to this file.", completion: .file(extensions: ["svg"]))
        var svg: String?

        func run() async throws {
            let (_, palette) = try ThemeSpec.palette(machine: machine, machines: machines)
            print(TerminalSwatches.render(palette, color: TerminalStyle.stdout.enabled), terminator: "")
            guard let svg else { return }
            do {
                try LiveSystem().writeText(svg, SVGSwatchCard.render(palette))
                print("wrote \(svg)")
            } catch {
                printError("error: \(error)")
                throw RigExit.findings
            }
        }
    }
}
