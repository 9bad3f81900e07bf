import ArgumentParser
import Foundation
import RigKit
import RigSpec

struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a machine's colour theme for its shells, tmux, vim, neovim and VS Code.",
        discussion: """
        Without options, lists the files (relative to HOME) and how each is installed. \
        --out DIR writes them as a fresh HOME would get them. --install puts them into HOME \
        (or --home DIR): rigctl's own files whole, blocks between '>>> rigctl theme >>>' markers \
        in ~/.bashrc, ~/.tmux.conf and ~/.vimrc, colours merged into VS Code's settings.json; \
        every file written at once or none (links followed, modes and owners kept, every byte outside \
        rigctl's part kept), a byte-exact backup of every user file it changes, nothing changed on a second \
        run; as root into a home someone else owns, the files are written as that user.
        Exit codes: 0 done; 1 a file could not be installed (nothing written); 2 a spec or theme \
        that cannot be used.
        """)

    @Argument(help: "The machine (a name in machines/ or a spec file); default: the one whose hostname is this machine's.")
    var machine: String?

    @Option(help: "Directory of machine specs.")
    var machines = "machines"

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
        let (_, palette) = try ThemeSpec.palette(machine: machine, machines: machines)
        let files = ThemeRenderer.render(palette)
        let system = LiveSystem()
        if out == nil && !install {
            for file in files {
                print("\(ThemeRenderer.installationSummary(file).padding(toLength: 38, withPad: " ", startingAt: 0)) ~/\(file.path)")
            }
        }
        do {
            if let out {
                for path in try ThemeRenderer.write(files, under: out, system: system) { print("wrote \(path)") }
            }
            if install {
                guard let home = home ?? system.environment("HOME") else {
                    throw ValidationError("HOME is not set; pass --home")
                }
                let report = try DotfilesInstall(files: files, target: DotfilesTarget(home: home), system: system).install().get()
                print(report)
                print(report.changed.isEmpty ? "theme of \(palette.machine) already installed; nothing changed"
                                             : "installed the theme of \(palette.machine): \(report.changed.count) file(s) changed")
            }
        } catch let error as InstallError {
            printError("error: \(error)")
            throw RigExit.findings
        }
    }
}

/// Loading the machine a theme command is about, with its errors printed the rigctl way.
enum ThemeSpec {
    /// The theme files of `spec`'s home (none without `theme:`), or the theme's error printed and exit 2.
    static func homeFiles(for spec: MachineSpec) throws -> [RenderedFile] {
        do {
            return try ThemeRenderer.homeFiles(for: spec)
        } catch {
            printError(error.location == nil ? "\(spec.file): \(error)" : error.description)
            throw RigExit.badInput
        }
    }

    static func palette(machine: String?, machines: String) throws -> (MachineSpec, Palette) {
        let spec: MachineSpec
        switch SpecLoader().loadMachine(machine, directory: machines, liveHostname: HostnameProber.read(on: LiveSystem()).value) {
        case .success(let loaded): spec = loaded
        case .failure(let error):
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw RigExit.badInput
        }
        do {
            return (spec, try Palette(spec: spec))
        } catch {
            printError(error.location == nil ? "\(spec.file): \(error)" : error.description)
            throw RigExit.badInput
        }
    }
}
