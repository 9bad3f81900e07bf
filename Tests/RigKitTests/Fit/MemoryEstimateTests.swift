import Testing
import RigSpec
@testable import RigFit

/// Each formula against a published reference number.
@Suite struct MemoryEstimateTests {
    static let gib = 1_073_741_824.0

    static func workload(_ model: String, _ mode: MachineSpec.Workload.Mode, _ precision: MachineSpec.Workload.Precision,
                         context: Int = 4096, batch: Int = 1, optimizer: MachineSpec.Workload.Optimizer = .adamw,
                         checkpointing: Bool = true) throws -> ResolvedWorkload {
        let entry = try #require(ModelCatalog.lookup(model))
        return ResolvedWorkload(name: model, modelName: model, architecture: entry.architecture, mode: mode, precision: precision,
                                context: context, batch: batch, optimizer: optimizer, gradientCheckpointing: checkpointing)
    }

    /// Hugging Face, "Llama 3.1 - 405B, 70B & 8B with multilinguality and long context" (2024-07-23),
    /// §Inference memory requirements, KV cache in FP16 (its "GB" are GiB; 1k = 1024, 16k = 16000, 128k = 128000 tokens):
    /// 8B 0.125 / 1.95 / 15.62, 70B 0.313 / 4.88 / 39.06.
    @Test(arguments: [("llama-3.1-8b", 1024, 0.125), ("llama-3.1-8b", 16000, 1.95), ("llama-3.1-8b", 128_000, 15.62),
                      ("llama-3.1-70b", 1024, 0.313), ("llama-3.1-70b", 16000, 4.88), ("llama-3.1-70b", 128_000, 39.06)])
    func kvCacheMatchesTheLlama31Post(_ model: String, _ tokens: Int, _ published: Double) throws {
        let estimate = MemoryEstimator.estimate(try Self.workload(model, .inference, .fp16, context: tokens))
        // The post prints two or three decimals, some rounded (0.313) and some cut (15.62 for 15.625).
        #expect(abs(estimate.bytes(.kvCache) / Self.gib - published) <= 0.0051)
    }

    /// NVIDIA Technical Blog, "Mastering LLM Techniques: Inference Optimization" (2023-11-17): Llama 2 7B
    /// (32 layers, hidden 4096, no grouped-query attention) in 16-bit, batch 1, 4096 tokens: "~2 GB" of KV cache.
    @Test func kvCacheOfLlama2SevenB() {
        let llama2 = ModelArchitecture(layers: 32, hidden: 4096, heads: 32, kvHeads: 32, intermediate: 11008, vocab: 32000)
        let w = ResolvedWorkload(name: "llama-2-7b", modelName: "custom", architecture: llama2, mode: .inference, precision: .fp16, context: 4096)
        #expect(MemoryEstimator.estimate(w).bytes(.kvCache) == 2 * Self.gib)
        // Its parameter count: 6.74B (the Llama 2 7B checkpoint's 6,738,415,616).
        #expect(llama2.parameters == 6_738_415_616)
    }

    /// The same post's weights table: 8B at FP16 16 GB, FP8 8 GB; 70B at FP16 140 GB, FP8 70 GB — nominal
    /// sizes; the real counts (8.03B, 70.6B) come out within 1 %.
    @Test(arguments: [("llama-3.1-8b", MachineSpec.Workload.Precision.fp16, 16.0), ("llama-3.1-8b", .fp8, 8.0),
                      ("llama-3.1-70b", .fp16, 140.0), ("llama-3.1-70b", .fp8, 70.0)])
    func weightsMatchTheLlama31Post(_ model: String, _ precision: MachineSpec.Workload.Precision, _ gigabytes: Double) throws {
        let weights = MemoryEstimator.estimate(try Self.workload(model, .inference, precision)).bytes(.weights) / 1e9
        #expect(abs(weights - gigabytes) / gigabytes < 0.01)
    }

    /// Quantized weights: llama.cpp's Q4_0 block is 18 bytes per 32 weights, Q8_0 34 bytes
    /// (ggml/src/ggml-common.h); QLoRA's NF4 with double quantization 4 + 0.127 bits (QLoRA §3).
    @Test func quantizedBitsPerWeight() {
        #expect(MachineSpec.Workload.Precision.int4.bytesPerWeight == 18.0 / 32)
        #expect(MachineSpec.Workload.Precision.int8.bytesPerWeight == 34.0 / 32)
        #expect(MachineSpec.Workload.Precision.nf4.bitsPerWeight == 4 + 0.127)
    }

    /// ZeRO (Rajbhandari et al. 2020, §3.1): mixed-precision Adam keeps 16 bytes per parameter;
    /// "a model with 1.5 Billion parameters (GPT-2) ... at least 24 GB", and Figure 1's 7.5B model 120 GB.
    @Test(arguments: [(1.5e9, 24e9), (7.5e9, 120e9)])
    func modelStatesMatchZeRO(_ parameters: Double, _ published: Double) {
        let arch = ModelArchitecture(layers: 48, hidden: 1600, heads: 25, kvHeads: 25, intermediate: 6400, vocab: 50257, statedParameters: parameters)
        let w = ResolvedWorkload(name: "gpt", modelName: "custom", architecture: arch, mode: .train, precision: .fp16, context: 1024)
        let estimate = MemoryEstimator.estimate(w)
        let states = estimate.bytes(.weights) + estimate.bytes(.gradients) + estimate.bytes(.masterWeights) + estimate.bytes(.optimizer)
        #expect(states == published)
    }

    /// 8-bit AdamW (Dettmers et al. 2022): the two moments in 1 byte each, 75 % less optimizer state than 32-bit Adam.
    @Test func eightBitAdamKeepsAQuarterOfTheState() throws {
        let full = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .finetune, .bf16))
        let small = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .finetune, .bf16, optimizer: .adamw8bit))
        #expect(small.bytes(.optimizer) == full.bytes(.optimizer) / 4)
        #expect(small.total < full.total)
    }

    /// LoRA (Hu et al. 2021, §7.1, Table 5): GPT-3 175B (96 layers, d_model 12288) with r = 4 on W_q and W_v
    /// trains "18M" parameters; every linear layer of Llama 3.1 8B at r = 16 is 41.9M (0.52 % of 8.03B).
    @Test func loraParameterCounts() throws {
        let gpt3 = ModelArchitecture(layers: 96, hidden: 12288, heads: 96, kvHeads: 96, intermediate: 49152, vocab: 50257)
        let trained = gpt3.loraParameters(rank: 4, targets: .queryValue)
        #expect(trained >= 18e6 && trained < 19e6)
        let llama = try #require(ModelCatalog.lookup("llama-3.1-8b")).architecture
        #expect(llama.loraParameters(rank: 16) == 41_943_040)
    }

    /// LoRA keeps the base frozen: no gradients, master copy or optimizer state for it, only the adapters'.
    @Test func loraTrainsOnlyTheAdapters() throws {
        let lora = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .finetuneLoRA, .nf4))
        #expect(lora.bytes(.gradients) == 0 && lora.bytes(.optimizer) == 0)
        #expect(lora.bytes(.adapters) == 41_943_040 * 16)
        #expect(abs(lora.bytes(.weights) - 8_030_261_248 * 4.127 / 8) < 1)
    }

    /// Korthikanti et al. 2022, §4: 34·s·b·h bytes per layer with fused attention; full recomputation keeps 2·s·b·h per layer.
    @Test func activationsFollowKorthikanti() throws {
        let stored = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .finetune, .bf16, context: 2048, batch: 2, checkpointing: false))
        let recomputed = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .finetune, .bf16, context: 2048, batch: 2))
        let sbh = 2048.0 * 2 * 4096
        #expect(stored.bytes(.activations) == 34 * sbh * 32)
        #expect(recomputed.bytes(.activations) == 2 * sbh * 32 + 34 * sbh)
        #expect(recomputed.bytes(.logits) == 2048 * 2 * 128_256 * 4)
    }

    /// The message lists each term with its numbers and sums them.
    @Test func estimateTextShowsTheNumbers() throws {
        let estimate = MemoryEstimator.estimate(try Self.workload("llama-3.1-8b", .inference, .bf16, context: 8192))
        #expect(estimate.terms.first?.text == "weights 8.03B × 2 B = 15.0 GiB")
        #expect(estimate.terms[1].text == "KV cache 2 × 32 layers × 8 × 128 × 8192 tokens × 1 × 2 B = 1.0 GiB")
        #expect(estimate.text.hasSuffix("= \(FitFormat.bytes(estimate.total))"))
    }

    /// A mixture of experts keeps every expert in memory: Hugging Face's "Welcome Mixtral" post says
    /// "Mixtral requires 90GB of VRAM in half-precision" — 46.7B × 2 B = 93.4 GB, named with the
    /// 12.9B that run per token. LoRA adapts every expert's gate, up and down.
    @Test func mixtureOfExpertsWeightsCountEveryExpert() throws {
        let estimate = MemoryEstimator.estimate(try Self.workload("mixtral-8x7b", .inference, .bf16))
        #expect(abs(estimate.bytes(.weights) / 1e9 - 93.4) < 0.2)
        #expect(estimate.terms.first?.text == "weights 46.7B (8 experts, 12.9B active) × 2 B = 87.0 GiB")
        let mixtral = try #require(ModelCatalog.lookup("mixtral-8x7b")).architecture
        var dense = mixtral
        dense.experts = 1
        dense.activeExperts = 1
        let mlpAdapters = 16.0 * (2 * (4096 + 14336) + (14336 + 4096)) * 32
        #expect(mixtral.loraParameters(rank: 16) - dense.loraParameters(rank: 16) == 7 * mlpAdapters)
    }

    /// Hostile numbers (a custom model of the largest sizes the schema allows) stay finite and print.
    @Test func hugeCustomModelDoesNotTrap() {
        let arch = ModelArchitecture(layers: 1024, hidden: 262_144, heads: 4096, kvHeads: 4096, intermediate: 1_048_576, vocab: 4_194_304,
                                     experts: 4096, activeExperts: 4096)
        let w = ResolvedWorkload(name: "huge", modelName: "custom", architecture: arch, mode: .train, precision: .fp32,
                                 context: 10_485_760, batch: 65_536, gradientCheckpointing: false)
        let estimate = MemoryEstimator.estimate(w)
        #expect(estimate.total.isFinite)
        #expect(estimate.text.hasSuffix("TiB"))
    }
}
