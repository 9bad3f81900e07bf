import RigSpec

/// A popular open model by name, with the numbers of its published config.json.
package struct CatalogModel: Sendable, Equatable {
    /// The name a spec writes (`llama-3.1-8b`).
    package let name: String
    /// The Hugging Face repository the numbers come from.
    package let repository: String
    package let architecture: ModelArchitecture
    /// `max_position_embeddings`
    package let maxContext: Int

    /// Where each number comes from.
    package var source: String { "https://huggingface.co/\(repository)/blob/main/config.json" }
}

/// The models rigctl knows by name. Every entry is copied from the model's config.json on the Hugging
/// Face Hub (`source`); the parameter counts these numbers give are tested against the counts the
/// model cards publish (ModelCatalogTests).
package enum ModelCatalog {
    package static let models: [CatalogModel] = [
        // https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json
        CatalogModel(name: "llama-3.1-8b", repository: "meta-llama/Llama-3.1-8B",
                     architecture: ModelArchitecture(layers: 32, hidden: 4096, heads: 32, kvHeads: 8, intermediate: 14336, vocab: 128_256),
                     maxContext: 131_072),
        // https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json
        CatalogModel(name: "llama-3.1-70b", repository: "meta-llama/Llama-3.1-70B",
                     architecture: ModelArchitecture(layers: 80, hidden: 8192, heads: 64, kvHeads: 8, intermediate: 28672, vocab: 128_256),
                     maxContext: 131_072),
        // https://huggingface.co/meta-llama/Llama-3.2-3B/blob/main/config.json (head_dim 128, tied embeddings)
        CatalogModel(name: "llama-3.2-3b", repository: "meta-llama/Llama-3.2-3B",
                     architecture: ModelArchitecture(layers: 28, hidden: 3072, heads: 24, kvHeads: 8, headDim: 128, intermediate: 8192,
                                                     vocab: 128_256, tiedEmbeddings: true),
                     maxContext: 131_072),
        // https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json
        CatalogModel(name: "qwen2.5-7b", repository: "Qwen/Qwen2.5-7B",
                     architecture: ModelArchitecture(layers: 28, hidden: 3584, heads: 28, kvHeads: 4, intermediate: 18944, vocab: 152_064,
                                                     qkvBias: true),
                     maxContext: 131_072),
        // https://huggingface.co/Qwen/Qwen2.5-14B/blob/main/config.json
        CatalogModel(name: "qwen2.5-14b", repository: "Qwen/Qwen2.5-14B",
                     architecture: ModelArchitecture(layers: 48, hidden: 5120, heads: 40, kvHeads: 8, intermediate: 13824, vocab: 152_064,
                                                     qkvBias: true),
                     maxContext: 131_072),
        // https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/config.json
        CatalogModel(name: "qwen2.5-72b", repository: "Qwen/Qwen2.5-72B",
                     architecture: ModelArchitecture(layers: 80, hidden: 8192, heads: 64, kvHeads: 8, intermediate: 29568, vocab: 152_064,
                                                     qkvBias: true),
                     maxContext: 131_072),
        // https://huggingface.co/mistralai/Mistral-7B-v0.3/blob/main/config.json
        CatalogModel(name: "mistral-7b", repository: "mistralai/Mistral-7B-v0.3",
                     architecture: ModelArchitecture(layers: 32, hidden: 4096, heads: 32, kvHeads: 8, intermediate: 14336, vocab: 32768),
                     maxContext: 32768),
        // Mixtures of experts: every expert's weights in memory, a few per token.
        // https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json (num_local_experts 8, num_experts_per_tok 2)
        CatalogModel(name: "mixtral-8x7b", repository: "mistralai/Mixtral-8x7B-v0.1",
                     architecture: ModelArchitecture(layers: 32, hidden: 4096, heads: 32, kvHeads: 8, intermediate: 14336, vocab: 32000,
                                                     experts: 8, activeExperts: 2),
                     maxContext: 32768),
        // https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json (num_experts 128, num_experts_per_tok 8,
        // moe_intermediate_size 768, head_dim 128, q/k norms); 32,768 tokens is the card's native context.
        CatalogModel(name: "qwen3-30b-a3b", repository: "Qwen/Qwen3-30B-A3B",
                     architecture: ModelArchitecture(layers: 48, hidden: 2048, heads: 32, kvHeads: 4, headDim: 128, intermediate: 768,
                                                     vocab: 151_936, experts: 128, activeExperts: 8, qkNorm: true),
                     maxContext: 32768),
    ]

    package static func lookup(_ name: String) -> CatalogModel? { models.first { $0.name == name.lowercased() } }

    package static var names: [String] { models.map(\.name) }
}
