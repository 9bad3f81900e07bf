import RigSpec

/// A workload with every default filled in and its model resolved to numbers.
package struct ResolvedWorkload: Sendable, Equatable {
    package typealias Mode = MachineSpec.Workload.Mode
    package typealias Precision = MachineSpec.Workload.Precision
    package typealias Optimizer = MachineSpec.Workload.Optimizer

    /// Tokens per sequence when a workload gives none.
    package static let defaultContext = 4096
    package static let defaultLoRARank = 16

    package var name: String
    /// `llama-3.1-8b`, or `custom` for a model given by its numbers.
    package var modelName: String
    package var architecture: ModelArchitecture
    package var mode: Mode
    package var precision: Precision
    package var context: Int
    package var batch: Int
    package var optimizer: Optimizer
    package var loraRank: Int
    package var gradientCheckpointing: Bool

    package init(name: String, modelName: String, architecture: ModelArchitecture, mode: Mode, precision: Precision,
                 context: Int = ResolvedWorkload.defaultContext, batch: Int = 1, optimizer: Optimizer = .adamw,
                 loraRank: Int = ResolvedWorkload.defaultLoRARank, gradientCheckpointing: Bool = true) {
        self.name = name
        self.modelName = modelName
        self.architecture = architecture
        self.mode = mode
        self.precision = precision
        self.context = context
        self.batch = batch
        self.optimizer = optimizer
        self.loraRank = loraRank
        self.gradientCheckpointing = gradientCheckpointing
    }

    /// `llama-3.1-8b finetune-lora bf16, 8192 tokens × 4`
    package var summary: String {
        "\(modelName) \(mode.rawValue) \(precision.rawValue), \(context) tokens × \(batch)"
    }
}

/// One part of the memory a workload needs, with the formula and numbers behind it.
package struct MemoryTerm: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case weights, kvCache = "KV cache", activations, logits, adapters = "LoRA adapters"
        case gradients, masterWeights = "fp32 master weights", optimizer = "optimizer states"
    }
    package let kind: Kind
    package let bytes: Double
    /// `8.03B × 2 B`, written out when read: `validate` reads no formula, and building each one's
    /// numbers as text cost more than the estimate itself.
    package var formula: String { writeFormula() }
    private let writeFormula: @Sendable () -> String
    /// Spread over the GPUs a model is split across (by layers); false for what each GPU holds whole.
    package let splits: Bool
    /// May live in system RAM instead (CPU offload).
    package let offloadable: Bool

    init(kind: Kind, bytes: Double, formula: @escaping @autoclosure @Sendable () -> String, splits: Bool, offloadable: Bool) {
        self.kind = kind
        self.bytes = bytes
        self.writeFormula = formula
        self.splits = splits
        self.offloadable = offloadable
    }

    /// `weights 8.03B × 2 B = 15.0 GiB`
    package var text: String { "\(kind.rawValue) \(formula) = \(FitFormat.bytes(bytes))" }

    package static func == (lhs: MemoryTerm, rhs: MemoryTerm) -> Bool {
        lhs.kind == rhs.kind && lhs.bytes == rhs.bytes && lhs.splits == rhs.splits && lhs.offloadable == rhs.offloadable
            && lhs.formula == rhs.formula
    }
}

/// What a workload needs in memory, term by term.
package struct MemoryEstimate: Sendable, Equatable {
    package let workload: ResolvedWorkload
    package let terms: [MemoryTerm]

    package var total: Double { terms.reduce(0) { $0 + $1.bytes } }
    package func bytes(_ kind: MemoryTerm.Kind) -> Double { terms.filter { $0.kind == kind }.reduce(0) { $0 + $1.bytes } }

    /// `weights … + KV cache … = 20.3 GiB`
    package var text: String { terms.map(\.text).joined(separator: " + ") + " = \(FitFormat.bytes(total))" }
}

/// The formulas, each with its source.
///
/// - weights: parameters × bytes per weight (`Precision.bitsPerWeight`).
/// - KV cache: 2 (K and V) × layers × KV heads × head dim × context × batch × bytes — the formula of
///   the Hugging Face Llama 3.1 release post ("Inference memory requirements"), whose table
///   (8B, 128k tokens: 15.62 GB) the tests reproduce.
/// - activations, training: Korthikanti et al. 2022 (Reducing Activation Recomputation in Large
///   Transformer Models, §4.1, eq. 1): one layer stores s·b·h·(34 + 5·a·s/h) bytes in 16-bit; fused
///   (flash) attention keeps no a·s² score matrix, which leaves 34·s·b·h. Full recomputation
///   (gradient checkpointing) stores only each layer's input, 2·s·b·h, and rebuilds one layer at a
///   time in the backward pass (34·s·b·h once).
/// - activations, inference: one layer's working set over one prefill chunk of at most 2048 tokens
///   (34·chunk·b·h; vLLM's and llama.cpp's default batch of 2048 tokens), freed layer by layer.
/// - logits: batch × tokens × vocab × 4 B, the fp32 logits the loss reads in training (every token),
///   or the last token's in inference.
/// - full training in mixed precision: 16-bit weights and gradients (2 + 2 B), an fp32 master copy
///   (4 B) and the optimizer's states (AdamW 8 B): the ZeRO paper's 16 Ψ bytes for Ψ parameters
///   (Rajbhandari et al. 2020, §3.1: "a model with 1.5B parameters ... at least 24 GB"). In fp32 the
///   weights are the master copy: 4 + 4 B + states.
/// - LoRA: the base weights frozen at their precision, adapters in fp32 (PEFT's
///   `autocast_adapter_dtype=True`) with their gradients and optimizer states: 4 + 4 + state bytes each.
/// - a mixture of experts: the weights count every expert (all are in memory; Mixtral's 46.7B), the
///   message names the few that run per token; the activations keep the dense per-layer constant.
/// - CPU offload moves weights and KV cache (inference, LoRA's frozen weights; llama.cpp's partial
///   offload) or gradients, master weights and optimizer states (full training; ZeRO-Offload,
///   Ren et al. 2021) to system RAM.
package enum MemoryEstimator {
    /// Tokens of one prefill chunk in inference.
    package static let prefillChunk = 2048
    /// Korthikanti et al.'s per-layer activation constant with fused attention.
    package static let activationBytesPerToken = 34.0

    package static func estimate(_ w: ResolvedWorkload) -> MemoryEstimate {
        let a = w.architecture
        let p = a.parameters
        let h = Double(a.hidden), layers = Double(a.layers), tokens = Double(w.context), batch = Double(w.batch)
        let width = w.precision.kvBytes / 2   // activation bytes relative to 16-bit
        var terms: [MemoryTerm] = []
        switch w.mode {
        case .inference:
            terms.append(MemoryTerm(kind: .weights, bytes: p * w.precision.bytesPerWeight, formula: weightFormula(w), splits: true, offloadable: true))
            let kv = 2 * layers * a.kvWidth * tokens * batch * w.precision.kvBytes
            terms.append(MemoryTerm(kind: .kvCache, bytes: kv,
                                    formula: "2 × \(a.layers) layers × \(a.kvHeads) × \(a.headDim) × \(w.context) tokens × \(w.batch) × \(FitFormat.fixed(w.precision.kvBytes, 0)) B",
                                    splits: true, offloadable: true))
            let chunk = Double(min(w.context, prefillChunk))
            terms.append(MemoryTerm(kind: .activations, bytes: activationBytesPerToken * chunk * batch * h * width,
                                    formula: "34 × \(min(w.context, prefillChunk)) tokens × \(w.batch) × \(a.hidden)\(width == 1 ? "" : " × 2")",
                                    splits: false, offloadable: false))
            terms.append(MemoryTerm(kind: .logits, bytes: batch * Double(a.vocab) * 4, formula: "\(w.batch) × \(a.vocab) × 4 B",
                                    splits: false, offloadable: false))
        case .finetuneLoRA:
            terms.append(MemoryTerm(kind: .weights, bytes: p * w.precision.bytesPerWeight, formula: weightFormula(w) + " (frozen)", splits: true, offloadable: true))
            let adapters = a.loraParameters(rank: w.loraRank)
            let perAdapter = 8 + w.optimizer.stateBytes
            terms.append(MemoryTerm(kind: .adapters, bytes: adapters * perAdapter,
                                    formula: "\(FitFormat.count(adapters)) (r \(w.loraRank)) × (4 + 4 + \(FitFormat.fixed(w.optimizer.stateBytes, 0))) B",
                                    splits: true, offloadable: false))
            terms += trainingActivations(w, width: width)
        case .finetune, .train:
            let weightBytes = w.precision == .fp32 ? 4.0 : 2.0
            terms.append(MemoryTerm(kind: .weights, bytes: p * weightBytes, formula: "\(counted(a)) × \(FitFormat.fixed(weightBytes, 0)) B",
                                    splits: true, offloadable: false))
            terms.append(MemoryTerm(kind: .gradients, bytes: p * weightBytes, formula: "\(FitFormat.count(p)) × \(FitFormat.fixed(weightBytes, 0)) B",
                                    splits: true, offloadable: true))
            if w.precision != .fp32 {
                terms.append(MemoryTerm(kind: .masterWeights, bytes: p * 4, formula: "\(FitFormat.count(p)) × 4 B", splits: true, offloadable: true))
            }
            terms.append(MemoryTerm(kind: .optimizer, bytes: p * w.optimizer.stateBytes,
                                    formula: "\(FitFormat.count(p)) × \(FitFormat.fixed(w.optimizer.stateBytes, 0)) B (\(w.optimizer.rawValue))",
                                    splits: true, offloadable: true))
            terms += trainingActivations(w, width: width)
        }
        return MemoryEstimate(workload: w, terms: terms)
    }

    /// The parameters; a mixture of experts keeps every expert in memory, and the count says how few run per token.
    private static func counted(_ a: ModelArchitecture) -> String {
        FitFormat.count(a.parameters) + (a.isMixtureOfExperts ? " (\(a.experts) experts, \(FitFormat.count(a.activeParameters)) active)" : "")
    }

    private static func weightFormula(_ w: ResolvedWorkload) -> String {
        "\(counted(w.architecture)) × \(FitFormat.perWeight(w.precision.bytesPerWeight))"
    }

    private static func shape(_ w: ResolvedWorkload, width: Double) -> String {
        "\(w.context) tokens × \(w.batch) × \(w.architecture.hidden)\(width == 1 ? "" : " × 2")"
    }

    private static func trainingActivations(_ w: ResolvedWorkload, width: Double) -> [MemoryTerm] {
        let a = w.architecture
        let sbh = Double(w.context) * Double(w.batch) * Double(a.hidden) * width
        var terms: [MemoryTerm] = []
        if w.gradientCheckpointing {
            terms.append(MemoryTerm(kind: .activations, bytes: 2 * sbh * Double(a.layers),
                                    formula: "2 × \(shape(w, width: width)) × \(a.layers) layers (checkpointed)", splits: true, offloadable: false))
            terms.append(MemoryTerm(kind: .activations, bytes: activationBytesPerToken * sbh,
                                    formula: "34 × \(shape(w, width: width)) (one layer recomputed)", splits: false, offloadable: false))
        } else {
            terms.append(MemoryTerm(kind: .activations, bytes: activationBytesPerToken * sbh * Double(a.layers),
                                    formula: "34 × \(shape(w, width: width)) × \(a.layers) layers", splits: true, offloadable: false))
        }
        terms.append(MemoryTerm(kind: .logits, bytes: Double(w.context) * Double(w.batch) * Double(a.vocab) * 4,
                                formula: "\(w.context) tokens × \(w.batch) × \(a.vocab) × 4 B", splits: false, offloadable: false))
        return terms
    }
}
