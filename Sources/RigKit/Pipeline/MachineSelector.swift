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

/// Picks the machine a command is about, the same way for every command: a machine name
/// (`compute-node`), a spec path (`machines/compute-node.yaml`), or, with neither, the spec whose
/// `hostname` is the live (or replayed) hostname (see `HostnameMatch`).
package enum MachineSelector {
    /// Whether `argument` names a spec file rather than a machine.
    package static func isSpecPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
    }

    /// The spec file `argument` selects in `repository`, without loading anything.
    package static func file(for argument: String, in repository: Repository) -> Result<String, Refusal> {
        let files: [String]
        switch repository.machineFiles() {
        case .success(let found): files = found
        case .failure(let refusal): return .failure(refusal)
        }
        if isSpecPath(argument) {
            // The path must be one of the repository's machine specs: its build logs and playbook are named after it.
            let wanted = canonical(argument)
            if let file = files.first(where: { canonical($0) == wanted }) { return .success(file) }
            let why = repository.system.fileExists(argument) ? "is not a machine spec in \(repository.machinesDirectory)/" : "no such file"
            return .failure(Refusal("\(argument): \(why) (machines: \(list(files.map(SpecLoader.machineName(of:)))))"))
        }
        if let file = files.first(where: { SpecLoader.machineName(of: $0) == argument }) { return .success(file) }
        return .failure(unknownMachine(argument, known: files.map(SpecLoader.machineName(of:))))
    }

    /// The one way an unknown machine is reported.
    package static func unknownMachine(_ name: String, known: [String]) -> Refusal {
        Refusal("no machine '\(name)' in machines/ (machines: \(list(known)))")
    }

    /// Among `specs`, the one whose hostname is `hostname`.
    package static func byHostname(_ hostname: Fact<String>, from specs: [MachineSpec], diagnostics: [Diagnostic] = []) -> Result<MachineSpec, Refusal> {
        guard case .value(let live) = hostname else {
            return .failure(Refusal("no machine named and this machine's hostname is unknown (\(hostname.reason ?? "not probed")); name the machine",
                                    diagnostics: diagnostics))
        }
        let matches = specs.filter { HostnameMatch.matches(spec: $0.hostname, live: live) }
        switch matches.count {
        case 1:
            return .success(matches[0])
        case 0:
            let unreadable = diagnostics.isEmpty ? "" : "; some specs could not be loaded"
            return .failure(Refusal("no spec has hostname '\(live)'\(unreadable) (machines: \(list(specs.map(\.name).sorted()))); "
                + "name the machine, or write machines/\(HostnameMatch.shortName(live)).yaml (rigctl init)", diagnostics: diagnostics))
        default:
            return .failure(Refusal("hostname '\(live)' is claimed by \(matches.map(\.name).sorted().joined(separator: ", ")); name the machine",
                                    diagnostics: diagnostics))
        }
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// The one rule for "is this the spec's machine": hostnames compare without case, and a short
/// name matches the full name it starts (`compute-node` is `compute-node.lab`), but two different
/// domains do not (`box.lab` is not `box.home`).
package enum HostnameMatch {
    package static func matches(spec: String, live: String) -> Bool {
        let spec = spec.lowercased(), live = live.lowercased()
        if spec == live { return true }
        if !spec.contains(".") || !live.contains(".") { return shortName(spec) == shortName(live) && !spec.isEmpty }
        return false
    }

    /// `compute-node.lab` → `compute-node`.
    package static func shortName(_ hostname: String) -> String {
        String(hostname.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
