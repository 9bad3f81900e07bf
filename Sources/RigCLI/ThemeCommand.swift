import ArgumentParser
import FoundationEssentials
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
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
            Exit codes: 0 done; 1 the SVG could not be written, or a compatibility rule fails; 2 no such \
            machine, or a spec or theme that cannot be used; 64 usage.
            """)

        @OptionGroup var selection: MachineArgument
        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Write the SVG swatch card to this file.", completion: .file(extensions: ["svg"]))
        var svg: String?

        func run() async throws {
            let machine = try ThemeSpec.machine(selection.machine, repository: repository)
            let palette = try ThemeSpec.palette(machine.spec)
            write(TerminalSwatches.render(palette, color: Console.current.colorOut))
            guard let svg else { return try Report.finish(machine) }
            do {
                try LiveSystem().writeText(svg, SVGSwatchCard.render(palette))
                say("wrote \(svg)")
            } catch {
                printError("error: \(error)")
                throw ExitCode(ExitStatus.findings)
            }
            try Report.finish(machine)
        }
    }
}
