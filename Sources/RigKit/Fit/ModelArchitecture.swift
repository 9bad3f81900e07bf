import RigSpec

/// A decoder-only transformer by the numbers its config.json gives (Llama, Qwen2, Mistral layout:
/// grouped-query attention, a gated MLP of three matrices, RMSNorm).
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
    /// `intermediate_size` of the gated MLP
    package var intermediate: Int
    /// `vocab_size`
    package var vocab: Int
    /// `tie_word_embeddings`: the output head reuses the input embedding.
    package var tiedEmbeddings: Bool
    /// Qwen2 adds a bias to the q, k and v projections (`Qwen2Attention`, `bias=True`).
    package var qkvBias: Bool
    /// A published parameter count that replaces the count from the numbers (a custom model's `parameters:`).
    package var statedParameters: Double?

    package init(layers: Int, hidden: Int, heads: Int, kvHeads: Int, headDim: Int? = nil, intermediate: Int, vocab: Int,
                 tiedEmbeddings: Bool = false, qkvBias: Bool = false, statedParameters: Double? = nil) {
        self.layers = layers
        self.hidden = hidden
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim ?? max(1, hidden / max(1, heads))
        self.intermediate = intermediate
        self.vocab = vocab
        self.tiedEmbeddings = tiedEmbeddings
        self.qkvBias = qkvBias
        self.statedParameters = statedParameters
    }

    /// Width of the k and v projections.
    var kvWidth: Double { Double(kvHeads) * Double(headDim) }
    /// Width of the q projection.
    var qWidth: Double { Double(heads) * Double(headDim) }

    /// Parameters of one layer: q, k, v, o projections (+ q/k/v bias), gate, up and down, two RMSNorms.
    package var parametersPerLayer: Double {
        let h = Double(hidden), i = Double(intermediate)
        let attention = h * qWidth + 2 * h * kvWidth + qWidth * h + (qkvBias ? qWidth + 2 * kvWidth : 0)
        return attention + 3 * h * i + 2 * h
    }

    /// Input embedding + output head (once when tied).
    package var embeddingParameters: Double {
        Double(vocab) * Double(hidden) * (tiedEmbeddings ? 1 : 2)
    }

    /// Every parameter: the stated count, else layers + embeddings + the final norm.
    package var parameters: Double {
        statedParameters ?? Double(layers) * parametersPerLayer + embeddingParameters + Double(hidden)
    }

    /// Which weight matrices LoRA adapts.
    package enum LoRATargets: Sendable {
        /// q, k, v, o, gate, up, down: every linear layer of a block, as QLoRA trains (Dettmers et al. 2023, §4).
        case allLinear
        /// q and v only, the original LoRA paper's choice (Hu et al. 2021, §4.2).
        case queryValue
    }

    /// LoRA's trainable parameters: r × (d_in + d_out) for each adapted d_out × d_in matrix
    /// (A is r × d_in, B is d_out × r; Hu et al. 2021, §4.1), in every layer.
    package func loraParameters(rank: Int, targets: LoRATargets = .allLinear) -> Double {
        let r = Double(rank), h = Double(hidden), i = Double(intermediate)
        let q = r * (h + qWidth), v = r * (h + kvWidth)
        let perLayer: Double
        switch targets {
        case .queryValue: perLayer = q + v
        case .allLinear: perLayer = q + 2 * v + r * (qWidth + h) + 2 * r * (h + i) + r * (i + h)
        }
        return Double(layers) * perLayer
    }
}
