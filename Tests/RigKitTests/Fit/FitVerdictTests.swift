import Testing
import RigSpec
@testable import RigAudit
@testable import RigFit
@testable import RigKit

/// Each verdict kind, passing and failing, on the committed example machines: big-rig (5 × RTX 3090,
/// 512 GiB), compute-node (one RTX 3090, 32 GiB) and workstation (RTX 5070 Ti 16 GB, 64 GiB).
@Suite struct FitVerdictTests {
    static func verdict(_ machine: String, _ model: String, _ mode: MachineSpec.Workload.Mode, _ precision: MachineSpec.Workload.Precision,
                        context: Int = 4096, batch: Int = 1) throws -> FitVerdict {
        let spec = try AuditSamples.machine(machine)
        let workload = MachineSpec.Workload(name: "job", model: model, mode: mode, precision: precision, context: context, batch: batch)
        let resolved = try WorkloadResolver.resolve(workload).get()
        return FitPlanner.judge(MemoryEstimator.estimate(resolved), on: FitMachine(spec: spec))
    }

    @Test func oneGPUOnComputeNode() throws {
        let fit = try Self.verdict("compute-node", "llama-3.1-8b", .inference, .bf16, context: 8192)
        guard case .oneGPU(let place, let headroom) = fit.outcome else { Issue.record("\(fit.message)"); return }
        #expect(place == "parts.gpus[0]")
        #expect(headroom > 5 * FitFormat.gib && headroom < 7 * FitFormat.gib)
        #expect(fit.lines.last == "needs 18.0 GiB with the reserve; parts.gpus[0] NVIDIA GeForce RTX 3090 has 24.0 GiB, 6.0 GiB to spare")
    }

    @Test func oneGPUOnWorkstationButNotAt128kTokens() throws {
        let short = try Self.verdict("workstation", "llama-3.1-8b", .inference, .int8, context: 32768)
        #expect(short.outcome == .oneGPU(place: "parts.gpus[0]", headroom: short.lines.isEmpty ? 0 : {
            if case .oneGPU(_, let h) = short.outcome { return h } else { return 0 } }()))
        // 128k tokens of KV cache (16 GiB) beside 15 GiB of bf16 weights: only with offload into the 64 GiB of RAM.
        let long = try Self.verdict("workstation", "llama-3.1-8b", .inference, .bf16, context: 131_072)
        guard case .offload(let bytes) = long.outcome else { Issue.record("\(long.message)"); return }
        #expect(bytes > 10 * FitFormat.gib && bytes < 64 * FitFormat.gib)
        #expect(long.lines.last?.hasSuffix("the machine has 64.0 GiB") == true)
    }

    @Test func splitOnBigRigWithTheLinks() throws {
        let fit = try Self.verdict("big-rig", "llama-3.1-70b", .inference, .int4, context: 32768)
        #expect(fit.outcome == .split(gpus: 3))
        #expect(fit.lines.contains { $0.hasPrefix("split by layers over 3 GPUs (27 layers each)") })
        #expect(fit.lines.last?.hasPrefix("slowest link x16 PCIe 4.0 (31.5 GB/s)") == true)
        #expect(fit.caution == nil)
        // The same job does not split on compute-node: it has one GPU, so the weights go to RAM.
        let single = try Self.verdict("compute-node", "llama-3.1-70b", .inference, .int4, context: 8192)
        guard case .offload = single.outcome else { Issue.record("\(single.message)"); return }
    }

    /// Mixtral at 4 bits: 26.3 GB of weights, every expert resident. Not on compute-node's one 24 GB
    /// card (only with offload into RAM); split over two of big-rig's.
    @Test func mixtureOfExpertsNeedsRoomForEveryExpert() throws {
        let single = try Self.verdict("compute-node", "mixtral-8x7b", .inference, .int4)
        guard case .offload = single.outcome else { Issue.record("\(single.message)"); return }
        let rig = try Self.verdict("big-rig", "mixtral-8x7b", .inference, .int4)
        #expect(rig.outcome == .split(gpus: 2), "\(rig.message)")
    }

    @Test func offloadOnBigRigAndItsRAMLimit() throws {
        let fit = try Self.verdict("big-rig", "qwen2.5-72b", .inference, .bf16, context: 8192)
        guard case .offload(let bytes) = fit.outcome else { Issue.record("\(fit.message)"); return }
        #expect(bytes > 20 * FitFormat.gib)
        #expect(fit.fits)
        // compute-node's 32 GiB cannot hold what its one card cannot.
        let small = try Self.verdict("compute-node", "qwen2.5-72b", .inference, .bf16)
        #expect(small.outcome == .doesNotFit)
        #expect(small.lines.last?.hasSuffix("needs 119.3 GiB of RAM with 4 GiB for the system, the machine has 32.0 GiB") == true)
    }

    @Test func doesNotFit() throws {
        // Full training of a 70B model: 16 bytes per parameter, and the bf16 weights alone overflow each card's share.
        let train = try Self.verdict("big-rig", "llama-3.1-70b", .train, .bf16)
        #expect(train.outcome == .doesNotFit)
        #expect(train.lines.last?.hasPrefix("even with the gradients, fp32 master weights and optimizer states in RAM each GPU needs") == true)
        let workstation = try Self.verdict("workstation", "llama-3.1-70b", .inference, .bf16)
        #expect(workstation.outcome == .doesNotFit)
        #expect(!workstation.fits)
    }

    /// A x1 riser under a training split: the split works, and the caution says what it costs.
    @Test func narrowLinkUnderATrainingSplitIsACaution() throws {
        var spec = try AuditSamples.machine("big-rig")
        spec.parts.gpus[0].pcie = MachineSpec.PCIeLink(width: 1, speed: Quantity(dimension: .frequency, value: 5e9, text: "5 GT/s"))
        spec.workloads = [MachineSpec.Workload(name: "tune", model: "llama-3.1-8b", mode: .finetuneLoRA, precision: .bf16, context: 8192, batch: 2)]
        let findings = WorkloadFit().check(spec)
        #expect(findings.count == 1)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].message.contains("parts.gpus[0] #1 is on a x1 link"))
    }

    /// The rule's findings: one per workload, at its line; ok for the committed examples.
    @Test func committedWorkloadsPass() throws {
        for name in ["big-rig", "compute-node", "workstation"] {
            let spec = try AuditSamples.machine(name)
            let findings = WorkloadFit().check(spec)
            #expect(findings.count == spec.workloads.count && !findings.isEmpty)
            #expect(findings.allSatisfy { $0.status == .ok && $0.location?.file.hasSuffix("machines/\(name).yaml") == true }, "\(findings.map(\.message))")
        }
    }

    /// A one-layer custom model on two cards: nothing to split by layers, so offload or no fit, never a trap.
    @Test func oneLayerModelDoesNotSplit() throws {
        let tiny = ModelArchitecture(layers: 1, hidden: 262_144, heads: 2048, kvHeads: 2048, intermediate: 1_048_576, vocab: 4_194_304)
        let w = ResolvedWorkload(name: "wide", modelName: "custom", architecture: tiny, mode: .inference, precision: .bf16)
        let gpu = FitMachine.GPU(model: "RTX 4090", vramBytes: 24 * FitFormat.gib, place: "GPU 1")
        let fit = FitPlanner.judge(MemoryEstimator.estimate(w), on: FitMachine(name: "two", gpus: [gpu, gpu], ramBytes: 8 * FitFormat.gib))
        #expect(fit.outcome == .doesNotFit)
    }

    /// A GPU without a known VRAM cannot hold anything: the verdict says which.
    @Test func unsizedGPUIsNamed() throws {
        var spec = try AuditSamples.machine("compute-node")
        spec.parts.gpus = [MachineSpec.GPU(model: "Mystery Accelerator 9000")]
        let fit = FitPlanner.judge(MemoryEstimator.estimate(try WorkloadResolver.resolve(spec.workloads[0]).get()), on: FitMachine(spec: spec))
        #expect(fit.outcome == .doesNotFit)
        #expect(fit.lines.last == "the VRAM of parts.gpus[0] is unknown (write parts.gpus[].vram)")
    }
}
