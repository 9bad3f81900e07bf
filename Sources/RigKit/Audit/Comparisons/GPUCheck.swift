import RigSpec

/// `parts.gpus`: each entry's model and count, and VRAM, matched by normalised model name in any
/// order (`NVIDIA GeForce RTX 3090` = `GeForce RTX 3090`, see `GPUName`). GPUs the machine has
/// beyond the spec are one drift finding on `parts.gpus` (NVIDIA or catalogued GPUs only: a
/// board's BMC VGA or a CPU's integrated graphics is not a drift). Board power is not compared:
/// partner cards ship other defaults, and the spec's figure feeds the power budget.
public struct GPUCheck: SpecComparison {
    /// Reported VRAM may differ from the label by this fraction (drivers hide reserved and ECC memory).
    public static let vramTolerance = 0.06

    let catalog: GPUCatalog

    public init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    public func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.gpus.isEmpty ? [] : [.gpus] }

    public func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard !spec.parts.gpus.isEmpty, let gpus = facts.gpus else { return [] }
        guard case .value(let seen) = gpus else {
            let reason = gpus.reason ?? ""
            return spec.parts.gpus.indices.map {
                context.unknown("parts.gpus[\($0)].model", expected: expectedModel(spec.parts.gpus[$0]), what: "the GPUs", reason: reason)
            }
        }
        var unassigned = seen
        var findings: [Finding] = []
        for (index, gpu) in spec.parts.gpus.enumerated() {
            var matched: [GPUFacts] = []
            while matched.count < gpu.count, let next = unassigned.firstIndex(where: { sameModel(gpu.model, $0.model.value) }) {
                matched.append(unassigned.remove(at: next))
            }
            findings.append(modelFinding(index, gpu, matched, unidentified: unassigned.filter(isUnidentified), context))
            if let vram = gpu.vram, !matched.isEmpty {
                findings.append(vramFinding(index, vram, matched, context))
            }
        }
        let extras = unassigned.filter { gpu in
            guard let model = gpu.model.value else { return false }
            return gpu.vendor == "nvidia" || catalog.lookup(model) != nil
        }
        if !extras.isEmpty {
            let list = extras.map { "\($0.model.value ?? "?") at \($0.busID)" }.joined(separator: ", ")
            findings.append(context.drift("parts.gpus", expected: "\(spec.parts.gpuCount) GPU\(spec.parts.gpuCount == 1 ? "" : "s")",
                                          actual: list, "GPUs not in the spec: \(list)"))
        }
        return findings
    }

    private func expectedModel(_ gpu: MachineSpec.GPU) -> String {
        gpu.count == 1 ? gpu.model : "\(gpu.count) × \(gpu.model)"
    }

    /// Same normalised name, or both names found as the same exact catalog model.
    func sameModel(_ wanted: String, _ reported: String?) -> Bool {
        guard let reported else { return false }
        if GPUName.normalize(wanted) == GPUName.normalize(reported) { return true }
        guard let a = catalog.lookup(wanted), let b = catalog.lookup(reported), !a.isFamily, !b.isFamily else { return false }
        return a == b
    }

    private func isUnidentified(_ gpu: GPUFacts) -> Bool {
        gpu.model.value == nil && (gpu.vendor == "nvidia" || gpu.vendor == "amd")
    }

    private func modelFinding(_ index: Int, _ gpu: MachineSpec.GPU, _ matched: [GPUFacts], unidentified: [GPUFacts],
                              _ context: AuditContext) -> Finding {
        let key = "parts.gpus[\(index)].model", expected = expectedModel(gpu)
        let buses = matched.map(\.busID).joined(separator: ", ")
        if matched.count == gpu.count {
            let actual = expected
            return context.ok(key, expected: expected, actual: actual, "found \(actual) at \(buses)")
        }
        let short = gpu.count - matched.count
        if !unidentified.isEmpty {
            let reason = unidentified.compactMap(\.model.reason).first ?? "no name reported"
            return context.unknown(key, expected: expected, what: "\(short) of the \(expected)",
                                   reason: "\(unidentified.count) GPU\(unidentified.count == 1 ? "" : "s") without a name (\(reason))")
        }
        let actual = "\(matched.count) × \(gpu.model)"
        let found = matched.isEmpty ? "none found" : "found \(matched.count) at \(buses)"
        return context.missing(key, expected: expected, actual: actual,
                               "\(short) \(gpu.model) missing: the spec wants \(gpu.count), \(found)")
    }

    private func vramFinding(_ index: Int, _ vram: Quantity, _ matched: [GPUFacts], _ context: AuditContext) -> Finding {
        let key = "parts.gpus[\(index)].vram"
        if let unknown = matched.first(where: { $0.vramBytes.value == nil }) {
            return context.unknown(key, expected: vram.text, what: "the VRAM of \(unknown.busID)", reason: unknown.vramBytes.reason ?? "")
        }
        let sizes: [Double] = matched.compactMap { gpu in gpu.vramBytes.value.map { Double($0) } }
        let actual = Array(Set(sizes.map(ByteCount.binary))).sorted().joined(separator: ", ")
        let fits = sizes.allSatisfy { abs($0 - vram.value) <= vram.value * Self.vramTolerance }
        if fits { return context.ok(key, expected: vram.text, actual: actual, "VRAM is \(actual) per card") }
        return context.drift(key, expected: vram.text, actual: actual, "VRAM is \(actual) per card, the spec wants \(vram.text)")
    }
}
