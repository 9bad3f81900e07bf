import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        abstract: "Look at a machine's colour theme, or take it out of a home.",
        subcommands: [Preview.self, Uninstall.self])

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
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
            writeRaw(TerminalSwatches.render(palette, color: Console.current.colorOut))
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

    struct Uninstall: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
            abstract: "Take a machine's theme out of HOME: what `render --install` put there, undone.",
            discussion: """
            rigctl's own files are removed; its blocks are cut out of ~/.bashrc, ~/.zshrc, ~/.tmux.conf and \
            ~/.vimrc; its colours are taken out of VS Code's settings.json. Where a backup \
            (<file>.rigctl-backup-<time>) holds what an install replaced and the file has not changed since \
            but for rigctl's part, that backup's bytes are put back exactly. Every file is changed at once or \
            none (links followed, modes and owners kept); backups are left in place; a second run changes \
            nothing. Under sudo, the invoking user's home is written as that user. --dry-run says what would \
            change and writes nothing.
            Exit codes: 0 done (or nothing to do); 1 a file could not be changed (nothing was written); \
            2 no such machine, a spec or theme that cannot be used, or no such home; 64 usage.
            """)

        @OptionGroup var selection: MachineArgument
        @OptionGroup var repository: RepositoryOptions

        @Option(help: "The HOME to take the theme out of (default: $HOME; under sudo, the invoking user's).", completion: .directory)
        var home: String?

        @Flag(help: "Say what would change; write nothing.")
        var dryRun = false

        func run() async throws {
            let machine = try ThemeSpec.machine(selection.machine, repository: repository)
            let palette = try ThemeSpec.palette(machine.spec)
            let system = LiveSystem()
            let target: DotfilesTarget
            switch DotfilesTarget.resolve(explicitHome: home, system: system, isRoot: geteuid() == 0) {
            case .success(let resolved): target = resolved
            case .failure(let error): throw ValidationError(error.message)
            }
            guard system.fileExists(target.home.hasSuffix("/") ? target.home : target.home + "/") else {
                printError("error: \(target.home): no such directory; nothing was written")
                throw ExitCode(ExitStatus.badInput)
            }
            // A dry run works on a read-only system, like every read-only command: it cannot write.
            let install = DotfilesInstall(files: ThemeRenderer.render(palette), target: target,
                                          system: dryRun ? ReadOnlySystem(system) : system)
            switch install.uninstall(dryRun: dryRun) {
            case .success(let report):
                if !report.description.isEmpty { say(report.description) }
                let where_ = target.home
                if report.changed.isEmpty {
                    say("no theme of rigctl's in \(where_); nothing changed")
                } else {
                    say(dryRun ? "would take the theme of \(palette.machine) out of \(where_): \(report.changed.count) file(s); nothing was written"
                               : "took the theme of \(palette.machine) out of \(where_): \(report.changed.count) file(s) changed")
                }
            case .failure(let error):
                printError("error: \(error.description); nothing was written")
                throw ExitCode(ExitStatus.findings)
            }
            try Report.finish(machine)
        }
    }
}
