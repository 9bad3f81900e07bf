import FoundationEssentials
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// The rig repository: one root that holds `machines/`, `build-logs/` and `playbooks/`, and the
/// one door (`system`) every spec, facts file and build log is read through. Found like git: the
/// working directory or the nearest parent with a `machines/` directory, or `--repo DIR`.
package struct Repository: Sendable {
    /// The root as a path from the working directory: `.`, `..`, `../..` or what `--repo` said.
    package let root: String
    package let system: any System

    package init(root: String, system: any System) {
        self.root = root
        self.system = system
    }

    /// `explicit` (from `--repo`) when given, else the working directory or its nearest parent
    /// that has `machines/`.
    package static func locate(_ explicit: String?, system: any System,
                              workingDirectory: String = FileManager.default.currentDirectoryPath) -> Result<Repository, Refusal> {
        if let explicit {
            let repository = Repository(root: explicit, system: system)
            guard system.fileExists(repository.machinesDirectory + "/") else {
                return .failure(Refusal("\(explicit) is not a rig repository: it has no machines/ directory"))
            }
            return .success(repository)
        }
        let depth = workingDirectory.split(separator: "/").count
        for up in 0...depth {
            let root = up == 0 ? "." : Array(repeating: "..", count: up).joined(separator: "/")
            let repository = Repository(root: root, system: system)
            if system.fileExists(repository.machinesDirectory + "/") { return .success(repository) }
        }
        return .failure(Refusal("not in a rig repository: no machines/ directory here or in any parent; run rigctl in one or pass --repo DIR"))
    }

    package var machinesDirectory: String { path("machines") }
    package var playbooksDirectory: String { path("playbooks") }
    package var buildLogsDirectory: String { path("build-logs") }
    /// `build-logs/<machine>/facts.json`: the machine's last recorded facts.
    package func factsFile(_ machine: String) -> String { path("build-logs/\(machine)/facts.json") }

    /// `child` under the root, as a path from the working directory.
    package func path(_ child: String) -> String {
        root == "." ? child : (root.hasSuffix("/") ? root + child : root + "/" + child)
    }

    /// `file` relative to the root, as reports and build logs name it (`machines/x.yaml`).
    package func relative(_ file: String) -> String {
        if root == "." { return file.hasPrefix("./") ? String(file.dropFirst(2)) : file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// The machine specs: `*.yaml` and `*.yml` directly in `machines/`, sorted (fragments live in
    /// subdirectories such as `stacks/` and are checked through the machines that include them).
    package func machineFiles() -> Result<[String], Refusal> {
        Self.specFiles(in: machinesDirectory, system: system)
    }

    /// The machine names, for messages and shell completion.
    package func machineNames() -> [String] {
        ((try? machineFiles().get()) ?? []).map(SpecLoader.machineName(of:))
    }

    static func specFiles(in directory: String, system: any SystemReader) -> Result<[String], Refusal> {
        do {
            let names = try system.listDirectory(directory)
            return .success(names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 })
        } catch {
            return .failure(Refusal("cannot list \(directory): \(error.reason)"))
        }
    }

    /// A spec loader that reads through this repository's system.
    package func loader() -> SpecLoader { Self.loader(system) }

    static func loader(_ system: any SystemReader) -> SpecLoader {
        SpecLoader(read: specReader(system), realPath: { system.realPath($0) })
    }

    /// How the loader reads a spec file through `system`: UTF-8 text, or why not.
    static func specReader(_ system: any SystemReader) -> @Sendable (String) -> Result<[UInt8], SpecLoader.ReadFailure> {
        { path in
            do throws(SystemError) {
                let data = try system.readFile(path)
                guard String(validating: data, as: UTF8.self) != nil else { return .failure(.init("not UTF-8 text")) }
                return .success([UInt8](data))
            } catch {
                switch error {
                case .notFound: return .failure(.init("no such file"))
                case .isADirectory: return .failure(.init("is a directory, not a spec file"))
                default: return .failure(.init(error.reason))
                }
            }
        }
    }
}

/// Spec files named on the command line (`rigctl validate FILE|DIR…`).
package enum SpecFiles {
    /// A directory stands for its machine files; a file for itself. A path that does not exist
    /// (or an empty directory) is a diagnostic.
    package static func expand(_ path: String, system: any SystemReader) -> Result<[String], Diagnostic> {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        guard system.fileExists(path) else { return .failure(Diagnostic(at: origin, "no such file or directory")) }
        guard system.fileExists(path.hasSuffix("/") ? path : path + "/") else { return .success([path]) }
        switch Repository.specFiles(in: path, system: system) {
        case .failure(let refusal): return .failure(Diagnostic(at: origin, refusal.message))
        case .success(let files) where files.isEmpty: return .failure(Diagnostic(at: origin, "no machine specs (*.yaml) in this directory"))
        case .success(let files): return .success(files)
        }
    }
}
