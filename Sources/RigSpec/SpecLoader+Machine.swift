import Foundation

extension SpecLoader {
    /// Loads the machine a command is about: `argument` names a machine in `directory` (`workstation`) or a spec
    /// file (`machines/workstation.yaml`); without one, the machine whose `hostname:` is `liveHostname`.
    public func loadMachine(_ argument: String?, directory: String = "machines", liveHostname: String?) -> Result<MachineSpec, SpecError> {
        let origin = SourceLocation(file: directory, line: 1, column: 1)
        if let argument {
            if argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") {
                return load(file: argument)
            }
            for suffix in [".yaml", ".yml"] {
                let file = (directory as NSString).appendingPathComponent(argument + suffix)
                if FileManager.default.fileExists(atPath: file) { return load(file: file) }
            }
            let known = (try? SpecLoader.machineFiles(in: directory).map(SpecLoader.machineName(of:))) ?? []
            return .failure(SpecError([Diagnostic(at: origin, "no machine named '\(argument)' in \(directory)/"
                + (known.isEmpty ? "" : " (machines: \(known.joined(separator: ", ")))"))]))
        }
        let files: [String]
        do {
            files = try SpecLoader.machineFiles(in: directory)
        } catch {
            return .failure(SpecError([Diagnostic(at: origin, "cannot list the machine specs in \(directory)/; name a spec file")]))
        }
        let loaded = loadAll(files)
        guard let liveHostname, !liveHostname.isEmpty else {
            return .failure(SpecError([Diagnostic(at: origin, "cannot tell this machine's hostname; name the machine")]))
        }
        let short = { (name: String) in name.lowercased().split(separator: ".").first.map(String.init) ?? "" }
        if let spec = loaded.specs.first(where: { short($0.hostname) == short(liveHostname) }) {
            return .success(spec)
        }
        if !loaded.diagnostics.isEmpty { return .failure(SpecError(loaded.diagnostics)) }
        return .failure(SpecError([Diagnostic(at: origin, "no machine in \(directory)/ has hostname '\(liveHostname)'; "
            + "name one of: \(loaded.specs.map(\.name).joined(separator: ", "))")]))
    }
}
