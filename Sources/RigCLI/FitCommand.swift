import ArgumentParser
import FoundationEssentials
import RigText
import RigKit
import RigSystem
import RigProbe
import RigAudit
import RigFit
import RigSpec

struct FitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Will a model fit this machine: on one GPU, split over several, with CPU offload, or not at all.",
        discussion: """
        With --model (or a custom model's --layers and --hidden), judges that one workload; without, \
        every entry of the spec's workloads:. The machine is a spec in machines/, any spec file (a draft \
        of a machine not built yet), or parts given here: --gpu (repeatable) and --ram. \
        The formulas and their sources: docs/fit.md.
        Exit codes: 0 every workload fits (CPU offload included); 1 one does not; 2 a spec cannot be \
        used or no such machine; 64 usage.
        """)

    @Argument(help: ArgumentHelp("The machine: its name, its spec file (a draft may live anywhere), or nothing for this machine's spec.",
                                 valueName: "machine"),
              completion: .custom(MachineArgument.complete))
    var machine: String?

    @Option(help: ArgumentHelp("A model of rigctl's catalog (--list-models).", valueName: "name"))
    var model: String?

    @Option(help: "inference, finetune-lora, finetune or train.")
    var mode: MachineSpec.Workload.Mode = .inference

    @Option(help: "fp32, fp16, bf16, fp8, int8, int4 or nf4.")
    var precision: MachineSpec.Workload.Precision = .bf16

    @Option(help: "Tokens per sequence (default 4096).")
    var context: Int?

    @Option(help: "Sequences at once (default 1).")
    var batch: Int?

    @Option(help: "Training optimizer: adamw, adamw-8bit or sgd (default adamw).")
    var optimizer: MachineSpec.Workload.Optimizer?

    @Option(name: .customLong("lora-rank"), help: "LoRA rank (finetune-lora; default 16).")
    var loraRank: Int?

    @Flag(name: .customLong("no-gradient-checkpointing"), help: "Training keeps every layer's activations.")
    var noGradientCheckpointing = false

    @Option(help: ArgumentHelp("Custom model: parameter count such as 350M or 7.6B.", valueName: "count"))
    var parameters: String?
    @Option(help: ArgumentHelp("Custom model: num_hidden_layers.", valueName: "n")) var layers: Int?
    @Option(help: ArgumentHelp("Custom model: hidden_size.", valueName: "n")) var hidden: Int?
    @Option(help: ArgumentHelp("Custom model: num_attention_heads.", valueName: "n")) var heads: Int?
    @Option(name: .customLong("kv-heads"), help: ArgumentHelp("Custom model: num_key_value_heads.", valueName: "n")) var kvHeads: Int?
    @Option(help: ArgumentHelp("Custom model: intermediate_size.", valueName: "n")) var intermediate: Int?
    @Option(help: ArgumentHelp("Custom model: vocab_size.", valueName: "n")) var vocab: Int?
    @Option(help: ArgumentHelp("Custom model: experts per layer of a mixture of experts.", valueName: "n")) var experts: Int?
    @Option(name: .customLong("experts-per-token"), help: ArgumentHelp("Custom model: experts each token runs through.", valueName: "n"))
    var expertsPerToken: Int?

    @Option(help: ArgumentHelp("A GPU of a machine not built yet: [N x ]MODEL[,VRAM], e.g. \"2x RTX 4090\" or \"RTX A6000,48 GiB\"; repeatable.",
                               valueName: "gpu"))
    var gpu: [String] = []

    @Option(help: ArgumentHelp("System RAM of that machine, e.g. \"128 GiB\".", valueName: "size"))
    var ram: String?

    @Option(help: ArgumentHelp("PCIe link of each of those GPUs: xWIDTH[:SPEED], e.g. x16:16GT/s or x4.", valueName: "link"))
    var pcie: String?

    @Flag(name: .customLong("list-models"), help: "List the model catalog with each entry's source and exit.")
    var listModels = false

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var repository: RepositoryOptions

    var customGiven: Bool { [layers, hidden, heads, kvHeads, intermediate, vocab, experts, expertsPerToken].contains { $0 != nil } || parameters != nil }
    var partsGiven: Bool { !gpu.isEmpty || ram != nil || pcie != nil }

    func validate() throws {
        if listModels { return }
        if partsGiven && machine != nil { throw ValidationError("give a machine or its parts (--gpu, --ram, --pcie), not both") }
        if partsGiven && gpu.isEmpty { throw ValidationError("--ram and --pcie describe the GPUs given with --gpu; add --gpu") }
        if model != nil && customGiven { throw ValidationError("give --model or a custom model's numbers (--layers, --hidden, …), not both") }
        if partsGiven && model == nil && !customGiven { throw ValidationError("a machine given by its parts needs --model (or a custom model's --layers and --hidden)") }
        for (name, value, range) in [("--context", context, 1...10_485_760), ("--batch", batch, 1...65_536), ("--lora-rank", loraRank, 1...4096),
                                     ("--layers", layers, 1...1024), ("--hidden", hidden, 1...262_144), ("--heads", heads, 1...4096),
                                     ("--kv-heads", kvHeads, 1...4096), ("--intermediate", intermediate, 1...1_048_576), ("--vocab", vocab, 1...4_194_304),
                                     ("--experts", experts, 1...4096), ("--experts-per-token", expertsPerToken, 1...4096)] {
            if let value, !range.contains(value) { throw ValidationError("\(name) must be from \(range.lowerBound) to \(range.upperBound)") }
        }
        if let parameters, !SpecPatterns.parameterCount.matches(parameters) { throw ValidationError("--parameters: expected \(SpecPatterns.parameterCount.meaning)") }
        if let model, !SpecPatterns.modelName.matches(model) { throw ValidationError("--model: expected \(SpecPatterns.modelName.meaning)") }
    }

    func run() async throws {
        if listModels {
            for entry in ModelCatalog.models {
                let a = entry.architecture
                let moe = a.isMixtureOfExperts ? " (\(a.experts) experts, \(a.activeExperts) per token: \(FitFormat.count(a.activeParameters)) active)" : ""
                say("\(entry.name)  \(FitFormat.count(a.parameters)) parameters\(moe), \(a.layers) layers, hidden \(a.hidden), \(a.heads) heads (\(a.kvHeads) KV), context \(entry.maxContext)  \(entry.source)")
            }
            return
        }
        let (fitMachine, verdicts) = try judge()
        switch format {
        case .text:
            for (name, verdict) in verdicts { printText(machine: fitMachine, workload: name, verdict) }
        case .json:
            write(json(machine: fitMachine, verdicts) + "\n")
        }
        if verdicts.contains(where: { !$0.verdict.fits }) { throw ExitCode(ExitStatus.findings) }
    }

    /// The machine's parts and each workload's verdict.
    private func judge() throws -> (String, [(name: String, verdict: FitVerdict)]) {
        let asked = try askedWorkload()
        if partsGiven {
            let parts = try FitParts.parse(gpus: gpu, ram: ram, pcie: pcie).get()
            let resolved = try resolve(asked)
            return (parts.name, [(asked.name, FitPlanner.judge(MemoryEstimator.estimate(resolved), on: parts))])
        }
        var spec = try selectSpec()
        if model != nil || customGiven {
            spec.workloads = [asked]
            let resolved = try resolve(asked)
            return (spec.name, [(asked.name, FitPlanner.judge(MemoryEstimator.estimate(resolved), on: FitMachine(spec: spec)))])
        }
        let verdicts = WorkloadFit().verdicts(spec)
        guard !verdicts.isEmpty else {
            throw Report.refusal(Refusal("\(spec.file) has no workloads:; name one with --model (rigctl fit --list-models)", status: .usage))
        }
        return (spec.name, verdicts.map { ($0.workload.name, $0.verdict) })
    }

    /// The spec the machine argument names: a machine of the repository, or a draft spec file anywhere.
    private func selectSpec() throws -> MachineSpec {
        let system = ReadOnlySystem(LiveSystem())
        if let machine, MachineSelector.isSpecPath(machine), repositoryHolds(machine, system: system) == false {
            guard system.fileExists(machine) else { throw Report.refusal(Refusal("\(machine): no such file")) }
            switch SpecValidator().judge(machine, loader: Repository(root: ".", system: system).loader()) {
            case .success(let verdict): return verdict.spec
            case .failure(let error): throw Report.refusal(Refusal("\(machine) cannot be used; fix the spec first", diagnostics: error.diagnostics))
            }
        }
        let pipeline = Pipeline(repository: try repository.readOnly())
        return try pipeline.select(machine, hostname: { HostnameProber.read(on: pipeline.system) }).orExit().spec
    }

    /// Whether `path` is one of the repository's machine specs (nil when there is no repository).
    private func repositoryHolds(_ path: String, system: any System) -> Bool? {
        guard case .success(let found) = Repository.locate(repository.repo, system: system),
              case .success(let files) = found.machineFiles() else { return nil }
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        return files.contains { URL(fileURLWithPath: $0).standardizedFileURL.path == wanted }
    }

    private func askedWorkload() throws -> MachineSpec.Workload {
        let custom = customGiven
            ? MachineSpec.CustomModel(parameters: parameters.flatMap(MachineSpec.CustomModel.parseCount), layers: layers, hidden: hidden,
                                      heads: heads, kvHeads: kvHeads, intermediate: intermediate, vocab: vocab,
                                      experts: experts, expertsPerToken: expertsPerToken)
            : nil
        return MachineSpec.Workload(name: model ?? "custom", model: model, custom: custom, mode: mode, precision: precision,
                                    context: context, batch: batch, optimizer: optimizer, loraRank: loraRank,
                                    gradientCheckpointing: noGradientCheckpointing ? false : nil)
    }

    private func resolve(_ workload: MachineSpec.Workload) throws -> ResolvedWorkload {
        switch WorkloadResolver.resolve(workload) {
        case .success(let resolved): return resolved
        case .failure(let problem):
            let option = problem.key.isEmpty ? "" : "--\(problem.key): "
            throw Report.refusal(Refusal(option + problem.message, status: .usage))
        }
    }

    private func printText(machine: String, workload: String, _ verdict: FitVerdict) {
        let out = Console.current.style
        let headline = verdict.outcome == .doesNotFit ? out.red(verdict.headline)
            : verdict.caution != nil || { if case .offload = verdict.outcome { return true }; return false }() ? out.yellow(verdict.headline) : out.green(verdict.headline)
        say("\(machine): \(workload) (\(verdict.estimate.workload.summary)): \(headline)")
        say("  " + verdict.estimate.terms.map(\.text).joined(separator: "\n  + ") + "\n  = \(FitFormat.bytes(verdict.estimate.total))")
        for line in verdict.lines.dropFirst() { say("  " + line) }
        if let caution = verdict.caution { say("  " + out.yellow("caution: ") + caution) }
    }

    private struct Document: Encodable {
        var format = JSONReport.format
        var machine: String
        var workloads: [Entry]
    }

    private struct Entry: Encodable {
        var name: String
        var model: String
        var fits: Bool
        var verdict: String
        var totalBytes: Double
        var terms: [Term]
        var message: String
    }

    private struct Term: Encodable {
        var kind: String
        var bytes: Double
        var formula: String
    }

    private func json(machine: String, _ verdicts: [(name: String, verdict: FitVerdict)]) -> String {
        let document = Document(machine: machine, workloads: verdicts.map { name, verdict in
            Entry(name: name, model: verdict.estimate.workload.modelName, fits: verdict.fits, verdict: verdict.headline,
                  totalBytes: verdict.estimate.total.rounded(),
                  terms: verdict.estimate.terms.map { Term(kind: $0.kind.rawValue, bytes: $0.bytes.rounded(), formula: $0.formula) },
                  message: verdict.message)
        })
        return (try? JSONTextEncoder.encodeText(document)) ?? "{}"
    }
}

extension MachineSpec.Workload.Mode: ExpressibleByArgument {}
extension MachineSpec.Workload.Precision: ExpressibleByArgument {}
extension MachineSpec.Workload.Optimizer: ExpressibleByArgument {}

/// A machine given on the command line: `--gpu "2x RTX 4090"`, `--gpu "RTX A6000,48 GiB"`, `--ram 128GiB`, `--pcie x16:16GT/s`.
enum FitParts {
    static func parse(gpus: [String], ram: String?, pcie: String?) -> Result<FitMachine, ValidationError> {
        var link: MachineSpec.PCIeLink?
        if let pcie {
            let pieces = pcie.split(separator: ":", maxSplits: 1).map(String.init)
            guard let first = pieces.first, first.hasPrefix("x"), let width = Int(first.dropFirst()), (1...32).contains(width) else {
                return .failure(ValidationError("--pcie: expected xWIDTH[:SPEED] such as x16:16GT/s, got '\(UntrustedText.escaped(pcie))'"))
            }
            var speed: Quantity?
            if pieces.count == 2 {
                guard case .success(let parsed) = Quantity.parse(pieces[1], as: .frequency), parsed.text.hasSuffix("GT/s") else {
                    return .failure(ValidationError("--pcie: the speed is a transfer rate such as 16GT/s, got '\(UntrustedText.escaped(pieces[1]))'"))
                }
                speed = parsed
            }
            link = MachineSpec.PCIeLink(width: width, speed: speed)
        }
        var cards: [FitMachine.GPU] = []
        for text in gpus {
            var rest = Substring(text.trimmed(.whitespaces))
            var count = 1
            if let x = rest.firstIndex(where: { $0 == "x" || $0 == "×" }), let n = Int(rest[..<x].trimmed(.whitespaces)), rest[rest.index(after: x)...].first == " " {
                guard (1...64).contains(n) else { return .failure(ValidationError("--gpu: a count from 1 to 64, got \(n)")) }
                count = n
                rest = rest[rest.index(after: x)...]
            }
            let pieces = rest.split(separator: ",", maxSplits: 1).map { $0.trimmed(.whitespaces) }
            guard let name = pieces.first, SpecPatterns.label.matches(name) else {
                return .failure(ValidationError("--gpu: expected [N x ]MODEL[,VRAM], got '\(UntrustedText.escaped(text))'"))
            }
            let vram: Double
            if pieces.count == 2 {
                guard case .success(let size) = Quantity.parse(pieces[1], as: .size) else {
                    return .failure(ValidationError("--gpu: '\(UntrustedText.escaped(pieces[1]))' is not a size such as 24 GiB"))
                }
                vram = size.value
            } else if let known = FitMachine.catalogVRAM(name) {
                vram = known
            } else {
                return .failure(ValidationError("--gpu: rigctl does not know the VRAM of '\(name)'; write it as \"\(name),24 GiB\""))
            }
            for _ in 0..<count {
                cards.append(FitMachine.GPU(model: name, vramBytes: vram, place: "GPU \(cards.count + 1)", link: link))
            }
        }
        var ramBytes: Double?
        if let ram {
            guard case .success(let size) = Quantity.parse(ram, as: .size) else {
                return .failure(ValidationError("--ram: '\(UntrustedText.escaped(ram))' is not a size such as 64 GiB"))
            }
            ramBytes = size.value
        }
        return .success(FitMachine(name: "the parts given", gpus: cards, ramBytes: ramBytes))
    }
}
