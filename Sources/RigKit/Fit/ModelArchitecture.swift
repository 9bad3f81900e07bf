import RigSpec

/// A decoder-only transformer by the numbers its config.json gives (Llama, Qwen2, Mistral layout:
/// grouped-query attention, a gated MLP of three matrices, RMSNorm), dense or mixture-of-experts
/// (Mixtral, Qwen3-MoE: each layer's MLP is `experts` gated MLPs behind a linear router, of which
/// `activeExperts` run per token; every expert's weights are in memory).
package struct ModelArchitecture: Sendable, Equatable {
    /// `num_hidden_layers`
    package var layers: Int
    /// `hidden_size`
    package var hidden: Int
    /// `num_attention_heads`
    package var heads: Int
    /// `num_key_value_heads` (= heads without grouped-query attention)
    package var kvHeads: Int
    /// `head_dim` (hidden / heads when the config leaves it out)
    package var headDim: Int
    /// `intermediate_size` of the gated MLP; of one expert in a mixture of experts (Mixtral's
    /// `intermediate_size`, Qwen3-MoE's `moe_intermediate_size`)
    package var intermediate: Int
    /// `num_local_experts` (Mixtral) or `num_experts` (Qwen3-MoE); 1 for a dense model
    package var experts: Int
    /// `num_experts_per_tok`; 1 for a dense model
    package var activeExperts: Int
    /// `vocab_size`
    package var vocab: Int
    /// `tie_word_embeddings`: the output head reuses the input embedding.
    package var tiedEmbeddings: Bool
    /// Qwen2 adds a bias to the q, k and v projections (`Qwen2Attention`, `bias=True`).
    package var qkvBias: Bool
    /// Qwen3 normalises queries and keys per head (`q_norm`, `k_norm`: RMSNorm over head_dim).
    package var qkNorm: Bool
    /// A published parameter count that replaces the count from the numbers (a custom model's `parameters:`).
    package var statedParameters: Double?

    package init(layers: Int, hidden: Int, heads: Int, kvHeads: Int, headDim: Int? = nil, intermediate: Int, vocab: Int,
                 experts: Int = 1, activeExperts: Int = 1, tiedEmbeddings: Bool = false, qkvBias: Bool = false, qkNorm: Bool = false,
                 statedParameters: Double? = nil) {
        self.layers = layers
        self.hidden = hidden
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim ?? max(1, hidden / max(1, heads))
        self.intermediate = intermediate
        self.vocab = vocab
        self.experts = max(1, experts)
        self.activeExperts = min(max(1, activeExperts), max(1, experts))
        self.tiedEmbeddings = tiedEmbeddings
        self.qkvBias = qkvBias
        self.qkNorm = qkNorm
        self.statedParameters = statedParameters
    }

    /// Width of the k and v projections.
    var kvWidth: Double { Double(kvHeads) * Double(headDim) }
    /// Width of the q projection.
    var qWidth: Double { Double(heads) * Double(headDim) }

    /// A mixture of experts (more than one MLP per layer).
    package var isMixtureOfExperts: Bool { experts > 1 }

    /// Parameters of one layer: q, k, v, o projections (+ q/k/v bias, q/k norms), gate, up and down of
    /// each expert (+ the router, hidden × experts), two RMSNorms.
    package var parametersPerLayer: Double { parametersPerLayer(experts: experts) }

    private func parametersPerLayer(experts: Int) -> Double {
        let h = Double(hidden), i = Double(intermediate), e = Double(experts)
        let attention = h * qWidth + 2 * h * kvWidth + qWidth * h + (qkvBias ? qWidth + 2 * kvWidth : 0) + (qkNorm ? 2 * Double(headDim) : 0)
        let router = isMixtureOfExperts ? h * Double(self.experts) : 0
        return attention + e * 3 * h * i + router + 2 * h
    }

    /// Input embedding + output head (once when tied).
    package var embeddingParameters: Double {
        Double(vocab) * Double(hidden) * (tiedEmbeddings ? 1 : 2)
    }

    /// Every parameter: the stated count, else layers + embeddings + the final norm.
    package var parameters: Double {
        statedParameters ?? Double(layers) * parametersPerLayer + embeddingParameters + Double(hidden)
    }

    /// The parameters one token runs through: only `activeExperts` of each layer's experts (Mixtral:
    /// "46.7B total parameters but only uses 12.9B parameters per token"); all of a dense model's.
    package var activeParameters: Double {
        guard isMixtureOfExperts else { return parameters }
        let counted = Double(layers) * parametersPerLayer(experts: activeExperts) + embeddingParameters + Double(hidden)
        guard let stated = statedParameters else { return counted }
        let all = Double(layers) * parametersPerLayer + embeddingParameters + Double(hidden)
        return all > 0 ? stated * counted / all : stated
    }

    /// Which weight matrices LoRA adapts.
    package enum LoRATargets: Sendable {
        /// q, k, v, o, gate, up, down: every linear layer of a block, as QLoRA trains (Dettmers et al. 2023, §4).
        case allLinear
        /// q and v only, the original LoRA paper's choice (Hu et al. 2021, §4.2).
        case queryValue
    }

    /// LoRA's trainable parameters: r × (d_in + d_out) for each adapted d_out × d_in matrix
    /// (A is r × d_in, B is d_out × r; Hu et al. 2021, §4.1), in every layer; in a mixture of
    /// experts every expert's gate, up and down (the router is left alone).
    package func loraParameters(rank: Int, targets: LoRATargets = .allLinear) -> Double {
        let r = Double(rank), h = Double(hidden), i = Double(intermediate)
        let q = r * (h + qWidth), v = r * (h + kvWidth)
        let perLayer: Double
        switch targets {
        case .queryValue: perLayer = q + v
        case .allLinear: perLayer = q + 2 * v + r * (qWidth + h) + Double(experts) * (2 * r * (h + i) + r * (i + h))
        }
        return Double(layers) * perLayer
    }
}
