import Testing
@testable import RigFit

/// The catalog's config.json numbers give the parameter counts the model cards publish.
@Suite struct ModelCatalogTests {
    /// Published counts from each model's Hugging Face page (the safetensors "Model size … params")
    /// and the Qwen2.5 cards' "Number of Parameters", in billions with the digits they print; some
    /// round and some cut, so a count matches within one unit of the last printed digit.
    static let published: [(String, Double, Double)] = [
        ("llama-3.1-8b", 8.03, 0.01),     // huggingface.co/meta-llama/Llama-3.1-8B
        ("llama-3.1-70b", 70.6, 0.1),     // huggingface.co/meta-llama/Llama-3.1-70B
        ("llama-3.2-3b", 3.21, 0.01),     // huggingface.co/meta-llama/Llama-3.2-3B
        ("qwen2.5-7b", 7.61, 0.01),       // huggingface.co/Qwen/Qwen2.5-7B, "Number of Parameters: 7.61B"
        ("qwen2.5-14b", 14.7, 0.1),       // huggingface.co/Qwen/Qwen2.5-14B, "14.7B"
        ("qwen2.5-72b", 72.7, 0.1),       // huggingface.co/Qwen/Qwen2.5-72B, "72.7B"
        ("mistral-7b", 7.25, 0.01),       // huggingface.co/mistralai/Mistral-7B-v0.3
        ("mixtral-8x7b", 46.7, 0.1),      // mistral.ai/news/mixtral-of-experts: "46.7B total parameters"
        ("qwen3-30b-a3b", 30.5, 0.1),     // huggingface.co/Qwen/Qwen3-30B-A3B: "30.5B in total and 3.3B activated"
    ]

    /// What one token runs through, as the same pages publish it: Mixtral "only uses 12.9B
    /// parameters per token", Qwen3-30B-A3B "3.3B activated"; a dense model runs through all.
    static let active: [(String, Double, Double)] = [
        ("mixtral-8x7b", 12.9, 0.1),
        ("qwen3-30b-a3b", 3.3, 0.1),
        ("llama-3.1-8b", 8.03, 0.01),
    ]

    @Test(arguments: active)
    func activeParameterCountMatchesTheModelCard(_ entry: (String, Double, Double)) throws {
        let model = try #require(ModelCatalog.lookup(entry.0))
        #expect(abs(model.architecture.activeParameters / 1e9 - entry.1) <= entry.2)
    }

    @Test(arguments: published)
    func parameterCountMatchesTheModelCard(_ entry: (String, Double, Double)) throws {
        let model = try #require(ModelCatalog.lookup(entry.0))
        #expect(abs(model.architecture.parameters / 1e9 - entry.1) <= entry.2)
    }

    /// Exact counts where the published figure is exact: Llama 3.1 8B's 8,030,261,248 and 70B's
    /// 70,553,706,496 (the safetensors index `total_size` / 2 bytes of the bf16 checkpoints).
    @Test func exactLlamaCounts() throws {
        #expect(try #require(ModelCatalog.lookup("llama-3.1-8b")).architecture.parameters == 8_030_261_248)
        #expect(try #require(ModelCatalog.lookup("llama-3.1-70b")).architecture.parameters == 70_553_706_496)
    }

    /// The Qwen2.5-7B card also publishes the non-embedding count: 6.53B.
    @Test func qwenNonEmbeddingCount() throws {
        let seven = try #require(ModelCatalog.lookup("qwen2.5-7b")).architecture
        #expect(abs((seven.parameters - seven.embeddingParameters) / 1e9 - 6.53) <= 0.01)
    }

    @Test func everyEntryHasASourceAndAUniqueName() {
        #expect(Set(ModelCatalog.names).count == ModelCatalog.models.count)
        for model in ModelCatalog.models {
            #expect(model.source.hasPrefix("https://huggingface.co/") && model.source.hasSuffix("/config.json"))
            #expect(SpecPatternsProbe.modelName(model.name))
        }
        #expect(ModelCatalog.lookup("LLAMA-3.1-8B")?.name == "llama-3.1-8b")
        #expect(ModelCatalog.lookup("llama-9") == nil)
    }
}

import RigSpec
enum SpecPatternsProbe {
    static func modelName(_ name: String) -> Bool { SpecPatterns.modelName.matches(name) }
}
