import RigSpec

/// How many bytes one weight takes at a precision, and what the KV cache is stored in.
///
/// - fp32 4 B, fp16/bf16 2 B, fp8 1 B: the IEEE 754 / OCP FP8 formats' widths.
/// - int8 8.5 bits, int4 4.5 bits: llama.cpp's Q8_0 and Q4_0 blocks, 32 weights with one fp16 scale
///   (`block_q8_0` = 2 + 32 bytes, `block_q4_0` = 2 + 16 bytes; ggml/src/ggml-common.h). GPTQ and AWQ
///   with groups of 128 come a little under this (4.16 bits), so the figure errs on the safe side.
/// - nf4 4.127 bits: QLoRA's NormalFloat4 with double quantization, "0.127 bits per parameter" of
///   constants on top of the 4 bits (Dettmers et al. 2023, QLoRA, §3 "Double Quantization").
extension MachineSpec.Workload.Precision {
    package var bitsPerWeight: Double {
        switch self {
        case .fp32: return 32
        case .fp16, .bf16: return 16
        case .fp8: return 8
        case .int8: return 8.5
        case .int4: return 4.5
        case .nf4: return 4.127
        }
    }

    package var bytesPerWeight: Double { bitsPerWeight / 8 }

    /// The KV cache keeps keys and values in the activation type: fp32 for an fp32 model, 16-bit
    /// otherwise (quantized weights compute in fp16/bf16; vLLM's `kv_cache_dtype=auto` is the model's dtype).
    package var kvBytes: Double { self == .fp32 ? 4 : 2 }

    /// Precisions a model can be trained in with every weight (quantized weights cannot take gradients).
    package var trainable: Bool { self == .fp32 || self == .fp16 || self == .bf16 }
}

extension MachineSpec.Workload.Optimizer {
    /// Optimizer state per trained parameter, bytes, beside the fp32 master weight:
    /// AdamW keeps two fp32 moments (8 B; Loshchilov & Hutter 2019, the ZeRO paper's K = 12 counts
    /// them with the 4 B master copy); bitsandbytes' 8-bit AdamW keeps them in 1 byte each (2 B;
    /// Dettmers et al. 2022, 8-bit Optimizers via Block-wise Quantization); SGD with momentum one fp32 buffer (4 B).
    package var stateBytes: Double {
        switch self {
        case .adamw: return 8
        case .adamw8bit: return 2
        case .sgd: return 4
        }
    }
}
