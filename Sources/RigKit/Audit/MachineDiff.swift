import RigSpec

/// `rigctl diff` and `rigctl snapshot` without the command line: load the repository's specs,
/// pick the machine, get its facts (live, a recorded host, or a facts file), compare or record.
public struct MachineDiff: Sendable {
    /// Where the facts come from.
    public enum Source: Sendable, Equatable {
        case live
        /// A recorded host directory (`--replay DIR`).
        case replay(String)
        /// A facts JSON file (`--facts FILE`).
        case file(String)
    }

    /// Why nothing could be compared; all of these exit 2.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
        /// Spec problems, when the failure is an invalid spec.
        public var diagnostics: [Diagnostic] = []
    }

    public var repository: String
    public var system: any System
    public var timeout: Duration

    public init(repository: String, system: any System = LiveSystem(), timeout: Duration = .seconds(5)) {
        self.repository = repository
        self.system = system
        self.timeout = timeout
    }

    /// The chosen spec compared with its facts, as a one-machine report.
    public func diff(machine: String?, source: Source) async -> Result<AuditReport, Failure> {
        switch await machineFacts(machine: machine, source: source, extraGroups: []) {
        case .failure(let failure): return .failure(failure)
        case .success(let (spec, facts)):
            let confirmations = BuildLogHistory.confirmations(for: spec, repo: repository, system: system)
            return .success(AuditReport(machines: [spec.name], findings: audit(spec, facts: facts, confirmations: confirmations),
                                        files: [spec.name: spec.file]))
        }
    }

    /// Probes the chosen machine (everything `probe` gathers, plus packages when the spec lists
    /// some) and writes `build-logs/<machine>/facts.json`; returns the path written.
    public func snapshot(machine: String?, source: Source) async -> Result<String, Failure> {
        if case .file = source { return .failure(Failure(description: "snapshot records probed facts; use --replay DIR or run it on the machine")) }
        switch await machineFacts(machine: machine, source: source, extraGroups: FactGroup.standard) {
        case .failure(let failure): return .failure(failure)
        case .success(let (spec, facts)):
            let file = RecordedFacts.path(repository: repository, machine: spec.name)
            do {
                try system.writeFile(file, try facts.jsonData(), mode: 0o644)
            } catch let error as SystemError {
                return .failure(Failure(description: "cannot write \(file): \(error.reason)"))
            } catch {
                return .failure(Failure(description: "cannot encode the facts: \(error)"))
            }
            return .success(file)
        }
    }

    /// The chosen spec and the facts it needs (plus `extraGroups`).
    public func machineFacts(machine: String?, source: Source, extraGroups: Set<FactGroup> = []) async -> Result<(MachineSpec, Facts), Failure> {
        var hostname: Fact<String>?
        if machine == nil {
            switch await probe([.hostname], source: source) {
            case .failure(let failure): return .failure(failure)
            case .success(let facts): hostname = facts.hostname
            }
        }
        switch selectSpec(machine: machine, hostname: hostname) {
        case .failure(let failure): return .failure(failure)
        case .success(let spec): return await facts(for: spec, source: source, extraGroups: extraGroups).map { (spec, $0) }
        }
    }

    /// The spec named `machine` in the repository's `machines/`, else the one whose hostname is
    /// `hostname`. Only the named file is loaded when there is a name.
    public func selectSpec(machine: String?, hostname: Fact<String>?) -> Result<MachineSpec, Failure> {
        let directory = repository == "." ? "machines" : "\(repository)/machines"
        let names = (try? system.listDirectory(directory)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(directory)/\($0)" }
        guard !files.isEmpty else { return .failure(Failure(description: "no machine specs in \(directory)")) }
        let loader = SpecLoader(readFile: { [system] file in try? system.readText(file) })
        if let machine {
            guard let file = files.first(where: { SpecLoader.machineName(of: $0) == machine }) else {
                let known = files.map(SpecLoader.machineName(of:))
                return .failure(Failure(description: MachineSelector.Failure.noSuchMachine(machine, known: known).description))
            }
            switch loader.load(file: file) {
            case .success(let loaded): return .success(loaded)
            case .failure(let error): return .failure(Failure(description: "the spec cannot be understood", diagnostics: error.diagnostics))
            }
        }
        let loaded = loader.loadAll(files)
        switch MachineSelector.select(name: nil, hostname: hostname, from: loaded.specs) {
        case .success(let selected): return .success(selected)
        case .failure(let error): return .failure(Failure(description: error.description, diagnostics: loaded.diagnostics))
        }
    }

    private func facts(for spec: MachineSpec, source: Source, extraGroups: Set<FactGroup>) async -> Result<Facts, Failure> {
        await probe(FactNeeds.groups(for: spec).union(extraGroups), source: source)
    }

    private func probe(_ groups: Set<FactGroup>, source: Source) async -> Result<Facts, Failure> {
        switch source {
        case .file(let file):
            do {
                guard let facts = try RecordedFacts.load(file, system: system) else {
                    return .failure(Failure(description: "\(file): not found"))
                }
                return .success(facts)
            } catch {
                return .failure(Failure(description: error.description))
            }
        case .replay(let directory):
            do {
                let replay = try ReplaySystem(directory: directory, storage: system)
                return .success(await ProbeRunner.probe(groups, on: replay, timeout: timeout))
            } catch {
                return .failure(Failure(description: "cannot replay: \(error)"))
            }
        case .live:
            return .success(await ProbeRunner.probe(groups, on: system, timeout: timeout))
        }
    }
}
