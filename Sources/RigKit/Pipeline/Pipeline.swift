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

/// The one pipeline every command runs: repository → machine selection → the spec's verdict →
/// facts (live, replayed or a file) → audit. Commands only choose their output and exit code.
package struct Pipeline: Sendable {
    /// Where a machine's facts come from.
    package enum Source: Sendable {
        /// The machine rigctl runs on, through the pipeline's system.
        case live
        /// A recorded host directory (`--replay DIR`).
        case replay(String)
        /// A facts JSON file (`--facts FILE`).
        case file(String)
    }

    package let repository: Repository
    package var validator: SpecValidator
    /// How long each probe source may take.
    package var timeout: Duration

    package init(repository: Repository, validator: SpecValidator = SpecValidator(), timeout: Duration = .seconds(5)) {
        self.repository = repository
        self.validator = validator
        self.timeout = timeout
    }

    package var system: any System { repository.system }

    /// Every machine spec of the repository, judged. A repository with none yet (as `rigctl new`
    /// makes it) has nothing wrong with it.
    package func verdict() -> SpecVerdict {
        switch repository.machineFiles() {
        case .failure(let refusal):
            return SpecVerdict(machines: [], diagnostics: [Diagnostic(at: SourceLocation(file: repository.machinesDirectory, line: 1, column: 1), refusal.message)],
                               invalidMachines: [])
        case .success(let files):
            return validator.judge(files, system: system)
        }
    }

    /// The machine a command is about (see `MachineSelector`), judged. A spec that cannot be
    /// used is a refusal with its diagnostics; compatibility problems are in the verdict.
    /// `hostname` is read only when no machine is named.
    package func select(_ argument: String?, hostname: () -> Fact<String>) -> Result<MachineVerdict, Refusal> {
        guard let argument else {
            let all = verdict()
            return MachineSelector.byHostname(hostname(), from: all.specs, diagnostics: all.diagnostics).map { spec in
                all.machine(spec.name)!
            }
        }
        switch MachineSelector.file(for: argument, in: repository) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let file):
            switch validator.judge(file, loader: repository.loader()) {
            case .success(let machine): return .success(machine)
            case .failure(let error):
                return .failure(Refusal("\(repository.relative(file)) cannot be used; fix the spec first", diagnostics: error.diagnostics.sorted()))
            }
        }
    }

    /// The system the probers read for `source`: the repository's own, or a replayed host.
    package func probeSystem(_ source: Source) -> Result<any System, Refusal> {
        switch source {
        case .live, .file: return .success(system)
        case .replay(let directory):
            do { return .success(try ReplaySystem(directory: directory, storage: system)) } catch {
                return .failure(Refusal("cannot replay: \(error)"))
            }
        }
    }

    /// The hostname of the machine `source` describes, probed the way its platform keeps it
    /// (a Mac's comes from `scutil`, a command, which `HostnameProber.read` cannot run).
    package func hostname(_ source: Source) async -> Fact<String> {
        switch source {
        case .file(let file):
            return ((try? RecordedFacts.load(file, system: system)) ?? nil)?.hostname ?? .unknown("\(file) cannot be read")
        case .live, .replay:
            switch probeSystem(source) {
            case .success(let probed): return await ProbeRunner.probe([.hostname], on: probed).hostname ?? .unknown("not probed")
            case .failure(let refusal): return .unknown(refusal.message)
            }
        }
    }

    /// The facts `machine` needs (plus `extraGroups`) from `source`.
    package func facts(for spec: MachineSpec, from source: Source, extraGroups: Set<FactGroup> = []) async -> Result<Facts, Refusal> {
        if case .file(let file) = source { return recordedFacts(file) }
        switch probeSystem(source) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let probed):
            // Only the spec knows where its Python environment is.
            let python = spec.python.map { [PythonProber(path: $0.path)] as [any Prober] } ?? []
            return .success(await ProbeRunner.probe(FactNeeds.groups(for: spec).union(extraGroups), on: probed, timeout: timeout,
                                                    probers: ProbeRunner.probers + python))
        }
    }

    /// A facts file (`--facts FILE`), read once.
    func recordedFacts(_ file: String) -> Result<Facts, Refusal> {
        do {
            guard let facts = try RecordedFacts.load(file, system: system) else { return .failure(Refusal("\(file): not found")) }
            return .success(facts)
        } catch {
            return .failure(Refusal(error.description))
        }
    }

    /// Manual items a person confirmed, from the machine's build logs.
    package func confirmations(for spec: MachineSpec) -> Set<SpecKeyPath> {
        BuildLogHistory.confirmations(for: spec, repo: repository.root, system: system)
    }

    /// `rigctl diff`: the chosen spec's verdict and its comparison with the facts, as a one-machine report.
    package func diff(_ argument: String?, source: Source) async -> Result<AuditReport, Refusal> {
        // A facts file names the machine and is the facts: read it once for both.
        let factsFile: Result<Facts, Refusal>? = if case .file(let file) = source { recordedFacts(file) } else { nil }
        let seen: Fact<String>
        if case .file(let file) = source, let factsFile {
            seen = (try? factsFile.get())?.hostname ?? .unknown("\(file) cannot be read")
        } else if argument == nil {
            seen = await hostname(source)
        } else {
            seen = .unknown("not needed: the machine is named")
        }
        let machine: MachineVerdict
        switch select(argument, hostname: { seen }) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let selected): machine = selected
        }
        let spec = machine.spec
        let read: Result<Facts, Refusal>
        if let factsFile { read = factsFile } else { read = await facts(for: spec, from: source) }
        switch read {
        case .failure(let refusal): return .failure(refusal)
        case .success(let facts):
            let findings = machine.compatibility + audit(spec, facts: facts, confirmations: confirmations(for: spec))
            return .success(AuditReport(machines: [spec.name], findings: findings.map(repository.relative),
                                        files: [spec.name: repository.relative(spec.file)]))
        }
    }

    /// `rigctl snapshot`: probes the chosen machine (everything `probe` gathers, plus packages
    /// when the spec lists some) and writes `build-logs/<machine>/facts.json`; returns the path.
    /// Refuses a machine whose hostname is not the spec's, unless `force`.
    package func snapshot(_ argument: String?, source: Source, force: Bool) async -> Result<String, Refusal> {
        if case .file = source { return .failure(Refusal("snapshot records probed facts; use --replay DIR or run it on the machine", status: .usage)) }
        let seen = await hostname(source)
        let spec: MachineSpec
        switch select(argument, hostname: { seen }) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let selected): spec = selected.spec
        }
        if !force, let mismatch = HostnameGate.mismatch(spec: spec, live: seen, file: repository.relative(spec.file)) {
            return .failure(Refusal(mismatch + "; nothing was written. If these are its facts all the same, run again with --force"))
        }
        switch await facts(for: spec, from: source, extraGroups: FactGroup.standard) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let facts):
            let file = repository.factsFile(spec.name)
            do {
                try system.writeFile(file, try facts.jsonData(), mode: 0o644)
            } catch let error as SystemError {
                return .failure(Refusal("cannot write \(file): \(error.reason)"))
            } catch {
                return .failure(Refusal("cannot encode the facts: \(error)"))
            }
            return .success(file)
        }
    }
}

/// The check `apply` and `snapshot` share: the machine at hand must be the spec's.
package enum HostnameGate {
    /// Why `live` is not `spec`'s machine, or nil when it is.
    package static func mismatch(spec: MachineSpec, live: Fact<String>, file: String) -> String? {
        if let name = live.value, HostnameMatch.matches(spec: spec.hostname, live: name) { return nil }
        return "\(seen(live)), but \(file) is for '\(spec.hostname)'"
    }

    /// `this machine's hostname is 'vm'`, or why it is unknown.
    package static func seen(_ live: Fact<String>) -> String {
        live.value.map { "this machine's hostname is '\($0)'" } ?? "this machine's hostname is unknown (\(live.reason ?? "not read"))"
    }
}

extension Repository {
    /// `finding` with its location relative to the root, as reports and annotations name files.
    func relative(_ finding: Finding) -> Finding {
        var copy = finding
        if let location = finding.location { copy.location?.file = relative(location.file) }
        return copy
    }

    func relative(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.location.file = relative(diagnostic.location.file)
        return copy
    }
}
