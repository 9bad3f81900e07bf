import Foundation
import RigSpec

/// Picks the spec a command works on: the one named on the command line (a machine name in the
/// machines directory, or a path to a spec file), else the one whose `hostname:` is the live hostname.
public struct MachineSelector: Sendable {
    public var machinesDirectory: String

    public init(machinesDirectory: String = "machines") {
        self.machinesDirectory = machinesDirectory
    }

    /// The chosen spec, or every diagnostic that explains why none could be chosen.
    public func select(_ argument: String?, liveHostname: () -> String?) -> Result<MachineSpec, SpecError> {
        let loader = SpecLoader()
        if let argument {
            let path = file(for: argument)
            if path != argument, !FileManager.default.fileExists(atPath: path) {
                let known = (try? SpecLoader.machineFiles(in: machinesDirectory))?.map(SpecLoader.machineName(of:)) ?? []
                return .failure(SpecError([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                    "no machine named '\(argument)' in \(machinesDirectory)/; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")]))
            }
            return loader.load(file: path)
        }
        let origin = SourceLocation(file: machinesDirectory, line: 1, column: 1)
        guard let hostname = liveHostname(), !hostname.isEmpty else {
            return .failure(SpecError([Diagnostic(at: origin, "name a machine: the live hostname cannot be read")]))
        }
        let selection = SpecLoader.files(for: [machinesDirectory])
        let loaded = loader.loadAll(selection.files)
        if let spec = loaded.specs.first(where: { $0.hostname == hostname }) { return .success(spec) }
        let known = loaded.specs.map(\.name).sorted().joined(separator: ", ")
        let problems = selection.diagnostics + loaded.diagnostics
        return .failure(SpecError(problems + [Diagnostic(at: origin,
            "no spec has hostname '\(hostname)' (this machine); name one of: \(known.isEmpty ? "none found" : known)")]))
    }

    /// A path to a spec file as given, or `<machines>/<name>.yaml` (`.yml` when only that exists).
    func file(for argument: String) -> String {
        if argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") { return argument }
        let base = machinesDirectory.hasSuffix("/") ? machinesDirectory + argument : machinesDirectory + "/" + argument
        return FileManager.default.fileExists(atPath: base + ".yml") && !FileManager.default.fileExists(atPath: base + ".yaml")
            ? base + ".yml" : base + ".yaml"
    }

    /// The live hostname as the kernel reports it, read through `system`.
    public static func liveHostname(_ system: any System) -> String? {
        (try? system.readText("/proc/sys/kernel/hostname"))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
