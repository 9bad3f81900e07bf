import RigSpec

/// Turns a spec's `workloads:` entry into numbers, or says at which line it cannot be used
/// (an unknown model, a model named and described at once, full training of quantized weights).
package enum WorkloadResolver {
    /// A custom model's vocabulary when it gives none (Llama 2's and Mistral 7B v0.1's 32000).
    package static let defaultVocab = 32000

    /// The workload with its defaults, or the reason it cannot be judged.
    package static func resolve(_ w: MachineSpec.Workload) -> Result<ResolvedWorkload, WorkloadProblem> {
        let architecture: ModelArchitecture
        let modelName: String
        switch (w.model, w.custom) {
        case (.some, .some):
            return .failure(WorkloadProblem(key: "model", "names a catalog model and gives a custom model's numbers; keep one"))
        case (nil, nil):
            return .failure(WorkloadProblem(key: "", "needs model: (one of \(ModelCatalog.names.joined(separator: ", "))) or a custom model's layers: and hidden:"))
        case (let name?, nil):
            guard let known = ModelCatalog.lookup(name) else {
                return .failure(WorkloadProblem(key: "model", "unknown model '\(name)'; rigctl knows \(ModelCatalog.names.joined(separator: ", ")), or give the model's numbers (layers:, hidden:, …) instead"))
            }
            architecture = known.architecture
            modelName = known.name
        case (nil, let custom?):
            guard let layers = custom.layers, let hidden = custom.hidden else {
                return .failure(WorkloadProblem(key: custom.layers == nil ? "layers" : "hidden",
                                                "a custom model needs layers: and hidden: (num_hidden_layers and hidden_size of its config.json)"))
            }
            let heads = custom.heads ?? max(1, hidden / 128)
            let experts = custom.experts ?? 1
            if let active = custom.expertsPerToken, active > experts {
                return .failure(WorkloadProblem(key: "experts-per-token", "runs \(active) experts per token but has \(experts) (experts:)"))
            }
            if custom.expertsPerToken == nil, experts > 1 {
                return .failure(WorkloadProblem(key: "experts", "a mixture of experts needs experts-per-token: too (num_experts_per_tok of its config.json)"))
            }
            architecture = ModelArchitecture(layers: layers, hidden: hidden, heads: heads, kvHeads: custom.kvHeads ?? heads,
                                             headDim: custom.headDim, intermediate: custom.intermediate ?? 4 * hidden,
                                             vocab: custom.vocab ?? defaultVocab, experts: experts, activeExperts: custom.expertsPerToken ?? 1,
                                             statedParameters: custom.parameters)
            modelName = "custom"
        }
        if w.mode.trainsAllWeights && !w.precision.trainable {
            return .failure(WorkloadProblem(key: "precision", "\(w.mode.rawValue) trains every weight, which \(w.precision.rawValue) weights cannot take; use bf16, fp16 or fp32, or finetune-lora (QLoRA with nf4)"))
        }
        if w.mode == .inference, w.optimizer != nil || w.gradientCheckpointing != nil {
            return .failure(WorkloadProblem(key: w.optimizer != nil ? "optimizer" : "gradient-checkpointing", "inference trains nothing; this key is for training modes"))
        }
        if w.loraRank != nil, w.mode != .finetuneLoRA {
            return .failure(WorkloadProblem(key: "lora-rank", "lora-rank is for mode finetune-lora"))
        }
        return .success(ResolvedWorkload(name: w.name, modelName: modelName, architecture: architecture, mode: w.mode, precision: w.precision,
                                         context: w.context ?? ResolvedWorkload.defaultContext, batch: w.batch ?? 1,
                                         optimizer: w.optimizer ?? .adamw, loraRank: w.loraRank ?? ResolvedWorkload.defaultLoRARank,
                                         gradientCheckpointing: w.gradientCheckpointing ?? true))
    }

    /// Every workload problem of `spec` as a located error, and repeated names.
    package static func diagnostics(_ spec: MachineSpec) -> [Diagnostic] {
        var seen: Set<String> = []
        var found: [Diagnostic] = []
        for (index, workload) in spec.workloads.enumerated() {
            let base = "workloads[\(index)]"
            if !seen.insert(workload.name).inserted {
                found.append(diagnostic(spec, base + ".name", "workload '\(workload.name)' is named twice"))
            }
            if case .failure(let problem) = resolve(workload) {
                found.append(diagnostic(spec, problem.key.isEmpty ? base : base + "." + problem.key, "workload '\(workload.name)' " + problem.message))
            }
        }
        return found
    }

    private static func diagnostic(_ spec: MachineSpec, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(at: spec.locations.nearest(path) ?? SourceLocation(file: spec.file, line: 1, column: 1), message)
    }
}

/// Why a workload cannot be judged, at one of its keys.
package struct WorkloadProblem: Error, Sendable, Equatable {
    package let key: String
    package let message: String
    package init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}
