import Testing
import RigSpec
@testable import RigFit
@testable import RigKit

/// `workloads:` as a spec writes it: decoded, and refused at the line when rigctl cannot use it.
@Suite struct WorkloadSpecTests {
    @Test func customModelByItsNumbers() throws {
        let spec = try AuditSamples.spec(body: """
        workloads:
          - { name: custom-slm, parameters: 350M, layers: 24, hidden: 1024, mode: train, precision: bf16, optimizer: adamw-8bit }
        """)
        let workload = try #require(spec.workloads.first)
        #expect(workload.custom?.parameters == 350e6)
        let resolved = try WorkloadResolver.resolve(workload).get()
        #expect(resolved.architecture.parameters == 350e6)
        #expect(resolved.architecture.heads == 8 && resolved.architecture.kvHeads == 8 && resolved.architecture.intermediate == 4096)
        #expect(resolved.optimizer == .adamw8bit && resolved.context == 4096 && resolved.batch == 1)
    }

    /// A custom mixture of experts (Mixtral's numbers written out) counts what the catalog entry counts.
    @Test func customMixtureOfExperts() throws {
        let spec = try AuditSamples.spec(body: """
        workloads:
          - { name: moe, layers: 32, hidden: 4096, heads: 32, kv-heads: 8, intermediate: 14336, experts: 8, experts-per-token: 2, mode: inference, precision: int4 }
        """)
        let workload = try #require(spec.workloads.first)
        #expect(workload.custom?.experts == 8 && workload.custom?.expertsPerToken == 2)
        let resolved = try WorkloadResolver.resolve(workload).get().architecture
        let mixtral = try #require(ModelCatalog.lookup("mixtral-8x7b")).architecture
        #expect(resolved.parameters == mixtral.parameters && resolved.activeParameters == mixtral.activeParameters)
    }

    static let refused: [(String, String)] = [
        ("{ name: a, model: llama-9, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:16: error: workload 'a' unknown model 'llama-9'; rigctl knows llama-3.1-8b, llama-3.1-70b, llama-3.2-3b, qwen2.5-7b, qwen2.5-14b, qwen2.5-72b, mistral-7b, mixtral-8x7b, qwen3-30b-a3b, or give the model's numbers (layers:, hidden:, …) instead"),
        ("{ name: a, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:5: error: workload 'a' needs model: (one of llama-3.1-8b, llama-3.1-70b, llama-3.2-3b, qwen2.5-7b, qwen2.5-14b, qwen2.5-72b, mistral-7b, mixtral-8x7b, qwen3-30b-a3b) or a custom model's layers: and hidden:"),
        ("{ name: a, model: mistral-7b, layers: 3, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:16: error: workload 'a' names a catalog model and gives a custom model's numbers; keep one"),
        ("{ name: a, model: mistral-7b, mode: train, precision: int4 }",
         "machines/box.yaml:5:48: error: workload 'a' train trains every weight, which int4 weights cannot take; use bf16, fp16 or fp32, or finetune-lora (QLoRA with nf4)"),
        ("{ name: a, model: mistral-7b, mode: inference, precision: bf16, optimizer: sgd }",
         "machines/box.yaml:5:69: error: workload 'a' inference trains nothing; this key is for training modes"),
        ("{ name: a, layers: 2, hidden: 64, experts: 4, experts-per-token: 8, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:51: error: workload 'a' runs 8 experts per token but has 4 (experts:)"),
        ("{ name: a, layers: 2, hidden: 64, experts: 4, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:39: error: workload 'a' a mixture of experts needs experts-per-token: too (num_experts_per_tok of its config.json)"),
        ("{ name: a, parameters: 1B, hidden: 64, mode: inference, precision: bf16 }",
         "machines/box.yaml:5:5: error: workload 'a' a custom model needs layers: and hidden: (num_hidden_layers and hidden_size of its config.json)"),
    ]

    /// Through the one validator: a spec error (exit 2) at the key, not a finding.
    @Test(arguments: refused)
    func refusedAtTheKey(_ entry: (String, String)) throws {
        let yaml = "version: 1\nhostname: box\nos: { distro: ubuntu, release: \"22.04\" }\nworkloads:\n  - \(entry.0)\n"
        let loader = SpecLoader(readFile: { $0 == "machines/box.yaml" ? yaml : nil })
        guard case .failure(let error) = SpecValidator().judge("machines/box.yaml", loader: loader) else {
            Issue.record("accepted: \(entry.0)")
            return
        }
        #expect(error.diagnostics.map(\.description) == [entry.1])
    }

    @Test func repeatedNameIsRefused() throws {
        let spec = try AuditSamples.spec(body: """
        workloads:
          - { name: a, model: mistral-7b, mode: inference, precision: bf16 }
          - { name: a, model: mistral-7b, mode: inference, precision: int4 }
        """)
        #expect(WorkloadResolver.diagnostics(spec).map(\.message) == ["workload 'a' is named twice"])
    }

    @Test func shapeErrorsAreLocated() throws {
        #expect(throws: SpecError.self) {
            try AuditSamples.spec(body: "workloads:\n  - { name: a, model: mistral-7b, mode: inference, precision: bf17 }\n")
        }
        #expect(throws: SpecError.self) {
            try AuditSamples.spec(body: "workloads:\n  - { name: a, parameters: 12, layers: 2, hidden: 8, mode: inference, precision: bf16 }\n")
        }
    }
}
