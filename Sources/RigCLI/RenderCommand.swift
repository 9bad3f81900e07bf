import ArgumentParser
import Foundation
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
        abstract: "Render a machine's colour theme for bash, tmux, vim and VS Code.",
        discussion: """
        Without options, lists the files (relative to HOME) and how each is installed. \
        --out DIR writes them as a fresh HOME would get them. --install puts them into HOME \
        (or --home DIR): rigctl's own files whole, blocks between '>>> rigctl theme >>>' markers \
        in ~/.bashrc, ~/.tmux.conf and ~/.vimrc, colours merged into VS Code's settings.json; \
        atomic writes, a backup of every user file it changes, nothing changed on a second run.
        Exit codes: 0 done; 1 a file could not be installed (nothing written), or a compatibility \
        rule fails (on stderr); 2 no such machine, or a spec or theme that cannot be used; 64 usage.
        """)

    @OptionGroup var selection: MachineArgument
    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Write the rendered files under this directory.", completion: .directory)
    var out: String?

    @Flag(help: "Install the files into HOME.")
    var install = false

    @Option(help: "The HOME to install into (with --install; default: $HOME).", completion: .directory)
    var home: String?

    func validate() throws {
        if home != nil && !install { throw ValidationError("--home goes with --install") }
    }

    func run() async throws {
        let machine = try ThemeSpec.machine(selection.machine, repository: repository)
        let palette = try ThemeSpec.palette(machine.spec)
        let files = ThemeRenderer.render(palette)
        let system = LiveSystem()
        if out == nil && !install {
            for file in files {
                say("\(ThemeRenderer.installationSummary(file).padding(toLength: 38, withPad: " ", startingAt: 0)) ~/\(file.path)")
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
                let report = try ThemeInstaller.install(files, home: home, system: system)
                say("\(report)")
                say(report.changed.isEmpty ? "theme of \(palette.machine) already installed; nothing changed"
                                             : "installed the theme of \(palette.machine): \(report.changed.count) file(s) changed")
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
