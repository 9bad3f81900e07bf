import RigText
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

struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a machine's colour theme for its shells, tmux, vim, neovim and VS Code.",
        discussion: """
        Without options, lists the files (relative to HOME) and how each is installed. \
        --out DIR writes them as a fresh HOME would get them. --install puts them into HOME \
        (or --home DIR): rigctl's own files whole, blocks between '>>> rigctl theme >>>' markers \
        in ~/.bashrc, ~/.tmux.conf and ~/.vimrc, colours merged into VS Code's settings.json; \
        every file written at once or none (links followed, modes and owners kept, every byte outside \
        rigctl's part kept), a byte-exact backup of every user file it changes, nothing changed on a second \
        run; as root into a home someone else owns, the files are written as that user. \
        --check reads HOME (or --home DIR) and exits 1 when a file differs from what --install would leave.
        Exit codes: 0 done; 1 a file could not be installed (nothing written), --check found a file that \
        differs, or a compatibility \
        rule fails (on stderr); 2 no such machine, or a spec or theme that cannot be used; 64 usage.
        """)

    @OptionGroup var selection: MachineArgument
    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Write the rendered files under this directory.", completion: .directory)
    var out: String?

    @Flag(help: "Install the files into HOME.")
    var install = false

    @Flag(help: "Check that the installed files in HOME are what --install would leave (exit 1 when not), like `chezmoi verify`.")
    var check = false

    @Option(help: "The HOME to install into or check (with --install or --check; default: $HOME).", completion: .directory)
    var home: String?

    func validate() throws {
        if home != nil && !install && !check { throw ValidationError("--home goes with --install or --check") }
        if check && (install || out != nil) { throw ValidationError("--check goes alone, without --install or --out") }
    }

    func run() async throws {
        let machine = try ThemeSpec.machine(selection.machine, repository: repository)
        let palette = try ThemeSpec.palette(machine.spec)
        let files = ThemeRenderer.render(palette)
        let system = LiveSystem()
        if out == nil && !install && !check {
            for file in files {
                say("\(ThemeRenderer.installationSummary(file).padded(to: 38)) ~/\(file.path)")
            }
        }
        do {
            if let out {
                for path in try ThemeRenderer.write(files, under: out, system: system) { say("wrote \(path)") }
            }
            if install {
                guard let home = home ?? system.environment("HOME") else {
                    throw ValidationError("HOME is not set; pass --home")
                }
                let report = try DotfilesInstall(files: files, target: DotfilesTarget(home: home), system: system).install().get()
                say("\(report)")
                say(report.changed.isEmpty ? "theme of \(palette.machine) already installed; nothing changed"
                                             : "installed the theme of \(palette.machine): \(report.changed.count) file(s) changed")
            }
            if check {
                guard let home = home ?? system.environment("HOME") else {
                    throw ValidationError("HOME is not set; pass --home")
                }
                let differing = try DotfilesInstall(files: files, target: DotfilesTarget(home: home), system: system).differences().get()
                for path in differing { say("differs   \(path)") }
                if !differing.isEmpty {
                    say("the theme of \(palette.machine) in \(home) differs from the spec in \(differing.count) file(s); "
                        + "`rigctl render --install` brings it in line")
                    throw ExitCode(ExitStatus.findings)
                }
                say("the theme of \(palette.machine) in \(home) is as the spec says (\(files.count) files)")
            }
        } catch let error as InstallError {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.findings)
        }
        try Report.finish(machine)
    }
}

/// The machine a theme command is about, through the one pipeline.
enum ThemeSpec {
    static func machine(_ argument: String?, repository: RepositoryOptions) throws -> MachineVerdict {
        let pipeline = Pipeline(repository: try repository.readOnly())
        let machine = try pipeline.select(argument, hostname: { HostnameProber.read(on: pipeline.system) }).orExit()
        Report.problems(diagnostics: [], findings: machine.problems)
        return machine
    }

    /// The palette of a spec whose verdict rendered its theme; a spec without `theme:` is refused.
    static func palette(_ spec: MachineSpec) throws -> Palette {
        do {
            return try Palette(spec: spec)
        } catch {
            throw Report.refusal(Refusal("\(spec.file): \(error.message)",
                                         diagnostics: []))
        }
    }
}
