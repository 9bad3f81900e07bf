import RigSpec
import RigText

/// Where a workload can live on a machine, with the numbers behind the answer.
package struct FitVerdict: Sendable, Equatable {
    package enum Outcome: Sendable, Equatable {
        /// On one GPU: the card's place and the memory left.
        case oneGPU(place: String, headroom: Double)
        /// Split by layers over this many GPUs.
        case split(gpus: Int)
        /// Only with this much moved to system RAM.
        case offload(bytes: Double)
        case doesNotFit
    }

    package let estimate: MemoryEstimate
    package let outcome: Outcome
    /// The explanation, written out on first use: `validate` shows only the headline.
    private let explanation: ComputedOnce<[String]>
    /// Each sentence of the explanation, in order: the estimate, then the reasons.
    package var lines: [String] { explanation.value }
    /// A caution that does not change the outcome (a narrow link under a split, RAM not in the spec).
    package let caution: String?

    /// Whether the workload runs at all (offload included: slower, but it runs).
    package var fits: Bool { outcome != .doesNotFit }

    /// `fits on one GPU` (`fits in unified memory` on a Mac), `fits split over 2 GPUs`, …
    package var headline: String {
        switch outcome {
        case .oneGPU(let place, _): return place == FitMachine.unifiedMemoryPlace ? "fits in unified memory" : "fits on one GPU"
        case .split(let n): return "fits split over \(n) GPUs"
        case .offload: return "fits only with CPU offload"
        case .doesNotFit: return "does not fit"
        }
    }

    package var message: String { lead + "; " + details }

    /// `llama-3.1-8b inference bf16, 8192 tokens × 1: fits on one GPU`: the message up to its first `; `.
    package var lead: String { estimate.workload.summary + ": " + headline }

    /// The message after the lead: the explanation's sentences and the caution.
    package var details: String { (lines + (caution.map { [$0] } ?? [])).joined(separator: "; ") }

    init(estimate: MemoryEstimate, outcome: Outcome, caution: String?, reasons: @escaping @Sendable () -> [String]) {
        self.estimate = estimate
        self.outcome = outcome
        self.caution = caution
        explanation = ComputedOnce { [estimate.text] + reasons() }
    }

    package static func == (lhs: FitVerdict, rhs: FitVerdict) -> Bool {
        lhs.estimate == rhs.estimate && lhs.outcome == rhs.outcome && lhs.caution == rhs.caution && lhs.lines == rhs.lines
    }
}

/// Decides where a workload fits on a machine: one GPU, a layer split over N GPUs, CPU offload, or not at all.
///
/// Every GPU keeps a reserve beside the estimate: 1 GiB for the CUDA context and library workspaces
/// (a process that has only initialised CUDA through PyTorch holds 781 MB in nvidia-smi:
/// pytorch/pytorch#34323) plus 5 % of its share for the caching allocator's
/// fragmentation — stated allowances, like the power budget's 20 %. With CPU offload the machine
/// keeps 4 GiB of RAM for the OS and the runtime.
package enum FitPlanner {
    package static let reservePerGPU = FitFormat.gib
    package static let fragmentationPercent = 5.0
    package static let ramForSystem = 4 * FitFormat.gib

    package static func judge(_ estimate: MemoryEstimate, on machine: FitMachine) -> FitVerdict {
        let decision = decide(estimate, on: machine, writing: false)
        // The reasons are the same decision again, written out (only when a message is read).
        return FitVerdict(estimate: estimate, outcome: decision.outcome, caution: decision.caution) {
            decide(estimate, on: machine, writing: true).reasons
        }
    }

    /// The outcome and caution, with the sentences behind them when `writing`.
    private static func decide(_ estimate: MemoryEstimate, on machine: FitMachine, writing: Bool)
        -> (outcome: FitVerdict.Outcome, caution: String?, reasons: [String]) {
        let w = estimate.workload
        var lines: [String] = []
        func say(_ line: @autoclosure () -> String) { if writing { lines.append(line()) } }
        guard !machine.gpus.isEmpty else {
            say(machine.unsized.isEmpty ? "the machine has no GPU" : "the VRAM of \(machine.unsized.joined(separator: ", ")) is unknown (write parts.gpus[].vram)")
            return (.doesNotFit, nil, lines)
        }
        let byMemory = machine.gpus.enumerated().sorted { $0.element.vramBytes != $1.element.vramBytes ? $0.element.vramBytes > $1.element.vramBytes : $0.offset < $1.offset }.map(\.element)
        let whole = need(share: estimate.total)
        // One GPU: the first card in spec order that holds it.
        if let card = machine.gpus.first(where: { $0.vramBytes >= whole }) {
            say("needs \(FitFormat.bytes(whole)) with the reserve; \(card.place) \(card.model) has \(FitFormat.bytes(card.vramBytes)), \(FitFormat.bytes(card.vramBytes - whole)) to spare")
            return (.oneGPU(place: card.place, headroom: card.vramBytes - whole), nil, lines)
        }
        say("needs \(FitFormat.bytes(whole)) with the reserve; the largest GPU, \(byMemory[0].place) \(byMemory[0].model), has \(FitFormat.bytes(byMemory[0].vramBytes))")
        // Split by layers over the n largest cards.
        let layers = max(1, w.architecture.layers)
        // A model of one layer cannot be split by layers.
        if byMemory.count >= 2, layers >= 2 {
            for n in 2...min(byMemory.count, layers) {
                let share = perGPU(estimate, gpus: n, layers: layers, include: { _ in true })
                let chosen = Array(byMemory.prefix(n))
                if chosen.allSatisfy({ $0.vramBytes >= share }) {
                    let smallest = chosen.map(\.vramBytes).min() ?? 0
                    say("split by layers over \(n) GPUs (\(layersPerGPU(layers, n)) layers each): \(FitFormat.bytes(share)) per GPU of \(FitFormat.bytes(smallest)), \(FitFormat.bytes(smallest - share)) to spare")
                    let links = linkReport(estimate, share: share, gpus: chosen)
                    say(links.line)
                    return (.split(gpus: n), links.caution, lines)
                }
            }
            let share = perGPU(estimate, gpus: byMemory.count, layers: layers, include: { _ in true })
            say("split over all \(byMemory.count) GPUs it needs \(FitFormat.bytes(share)) per GPU")
        }
        // CPU offload: what must stay on the GPUs, split over all of them; the rest of the offloadable part in RAM.
        let n = min(byMemory.count, layers)
        let cards = Array(byMemory.prefix(n))
        let resident = perGPU(estimate, gpus: n, layers: layers, include: { !$0.offloadable })
        guard cards.allSatisfy({ $0.vramBytes >= resident }) else {
            say("even with the \(offloadNames(estimate)) in RAM each GPU needs \(FitFormat.bytes(resident))")
            return (.doesNotFit, nil, lines)
        }
        let offloadable = estimate.terms.filter(\.offloadable).reduce(0) { $0 + $1.bytes }
        let spare = cards.reduce(0) { $0 + ($1.vramBytes - resident) } / (1 + fragmentationPercent / 100)
        let offloaded = max(0, offloadable - spare)
        let ramNeeded = offloaded + ramForSystem
        func kept() -> String { "\(FitFormat.bytes(offloadable - offloaded)) of the \(offloadNames(estimate)) on the GPU\(n == 1 ? "" : "s")" }
        guard let ram = machine.ramBytes else {
            say("\(kept()), \(FitFormat.bytes(offloaded)) in system RAM: needs \(FitFormat.bytes(ramNeeded)) of RAM with 4 GiB for the system")
            return (.offload(bytes: offloaded), "the spec does not give parts.memory.size, so the RAM cannot be checked", lines)
        }
        say("\(kept()), \(FitFormat.bytes(offloaded)) in system RAM: needs \(FitFormat.bytes(ramNeeded)) of RAM with 4 GiB for the system, the machine has \(FitFormat.bytes(ram))")
        if ramNeeded <= ram {
            return (.offload(bytes: offloaded), nil, lines)
        }
        return (.doesNotFit, nil, lines)
    }

    /// A share plus the GPU's reserve.
    static func need(share: Double) -> Double { share * (1 + fragmentationPercent / 100) + reservePerGPU }

    static func layersPerGPU(_ layers: Int, _ gpus: Int) -> Int { (layers + gpus - 1) / gpus }

    /// What the busiest of `gpus` cards holds: its layers' share of the splitting terms, every whole term, the reserve.
    static func perGPU(_ estimate: MemoryEstimate, gpus: Int, layers: Int, include: (MemoryTerm) -> Bool) -> Double {
        let fraction = Double(layersPerGPU(layers, gpus)) / Double(layers)
        let share = estimate.terms.filter(include).reduce(0.0) { $0 + ($1.splits ? $1.bytes * fraction : $1.bytes) }
        return need(share: share)
    }

    static func offloadNames(_ estimate: MemoryEstimate) -> String {
        let names = estimate.terms.filter(\.offloadable).map(\.kind.rawValue)
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique.count <= 1 ? unique.joined() : unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "")
    }

    /// Whether the links between the cards suit a layer split: a token's hidden state crosses each
    /// boundary (hidden × 2 B), and each card loads its share once; training also sends every
    /// micro-batch's activations and their gradients across (2 × tokens × batch × hidden × 2 B a step).
    static func linkReport(_ estimate: MemoryEstimate, share: Double, gpus: [FitMachine.GPU]) -> (line: String, caution: String?) {
        let w = estimate.workload
        let stated = gpus.compactMap { gpu -> (FitMachine.GPU, Int, Double)? in
            guard let width = gpu.link?.width, let speed = gpu.link?.speed?.value else { return nil }
            return (gpu, width, speed / 1e9)
        }
        guard stated.count == gpus.count, let slowest = stated.min(by: { PCIeBandwidth.link(width: $0.1, gigatransfers: $0.2) < PCIeBandwidth.link(width: $1.1, gigatransfers: $1.2) }) else {
            return ("PCIe links not in the spec (parts.gpus[].pcie), so the split's traffic is not judged; rigctl diff shows the probed links", nil)
        }
        let bandwidth = PCIeBandwidth.link(width: slowest.1, gigatransfers: slowest.2)
        let rate = FitFormat.fixed(bandwidth / 1e9, 1) + " GB/s"
        let gen = PCIeBandwidth.generation(gigatransfers: slowest.2).map { " \($0)" } ?? ""
        let load = FitFormat.seconds(share / bandwidth)
        if w.mode == .inference {
            let perToken = Double(w.architecture.hidden) * 2
            return ("slowest link x\(slowest.1)\(gen) (\(rate)): loading a share takes \(load), and a token moves \(FitFormat.bytes(perToken)) per boundary, which no PCIe link notices", nil)
        }
        let perStep = 2 * Double(w.context) * Double(w.batch) * Double(w.architecture.hidden) * 2
        let stepTime = perStep / bandwidth
        let line = "slowest link x\(slowest.1)\(gen) (\(rate)): each training step moves \(FitFormat.bytes(perStep)) per boundary, \(FitFormat.seconds(stepTime))"
        // Below 4 lanes (a mining riser) training waits on the link.
        return (line, slowest.1 < 4 ? "\(slowest.0.place) is on a x\(slowest.1) link: the split works, but each training step waits \(FitFormat.seconds(stepTime)) on it" : nil)
    }
}
