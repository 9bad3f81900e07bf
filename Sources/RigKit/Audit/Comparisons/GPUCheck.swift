import RigSpec
import RigSystem
import RigProbe

/// `parts.gpus`: each entry's model and count, and VRAM, matched by normalised model name in any
/// order (`NVIDIA GeForce RTX 3090` = `GeForce RTX 3090`, see `GPUName`). GPUs the machine has
/// beyond the spec are one drift finding on `parts.gpus` (NVIDIA or catalogued GPUs only: a
/// board's BMC VGA or a CPU's integrated graphics is not a drift). Board power is not compared:
/// partner cards ship other defaults, and the spec's figure feeds the power budget.
package struct GPUCheck: SpecComparison {
    /// Reported VRAM may differ from the label by this fraction (drivers hide reserved and ECC memory).
    package static let vramTolerance = 0.06

    let catalog: GPUCatalog

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.gpus.isEmpty ? [] : [.gpus] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard !spec.parts.gpus.isEmpty, let gpus = facts.gpus else { return [] }
        guard case .value(let seen) = gpus else {
            let reason = gpus.reason ?? ""
            return spec.parts.gpus.indices.map {
                context.unknown("parts.gpus[\($0)].model", expected: expectedModel(spec.parts.gpus[$0]), what: "the GPUs", reason: reason)
            }
        }
        // Names are normalised and looked up once per GPU, not once per comparison.
        var unassigned = seen.map { Named($0, catalog: catalog) }
        var findings: [Finding] = []
        for (index, gpu) in spec.parts.gpus.enumerated() {
            let wanted = Named(name: gpu.model, catalog: catalog)
            var matched: [GPUFacts] = []
            while matched.count < gpu.count, let next = unassigned.firstIndex(where: { wanted.sameModel(as: $0) }) {
                matched.append(unassigned.remove(at: next).gpu)
            }
            findings.append(modelFinding(index, gpu, matched, unidentified: unassigned.map(\.gpu).filter(isUnidentified), context))
            if let vram = gpu.vram, !matched.isEmpty {
                findings.append(vramFinding(index, vram, matched, context))
            }
        }
        let extras = unassigned.filter { $0.gpu.model.value != nil && ($0.gpu.vendor == "nvidia" || $0.model != nil || $0.isAmbiguous) }.map(\.gpu)
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
        return Named(name: wanted, catalog: catalog).sameModel(as: Named(name: reported, catalog: catalog))
    }

    /// The `parts.gpus` entry's GPU is one of what the machine's GPU may be (`Named.candidates`).
    func sameModel(_ wanted: String, _ gpu: GPUFacts) -> Bool {
        Named(name: wanted, catalog: catalog).sameModel(as: Named(gpu, catalog: catalog))
    }

    /// A GPU name, normalised, with its catalog entry.
    struct Named {
        var gpu: GPUFacts
        let normalized: String?
        let model: GPUModel?
        /// For an AMD GPU the name alone does not pin (`Navi 31 [Radeon RX 7900 XT/7900 XTX]`), the normalised
        /// names of the models it may be: those of its PCI device id (`AMDDeviceNames.pciDevices`, preferred),
        /// else those its database-style name lists. Empty when the name is enough or nothing is known.
        let candidates: [String]

        init(_ gpu: GPUFacts, catalog: GPUCatalog) {
            self.gpu = gpu
            let name = gpu.model.value
            normalized = name.map(GPUName.normalize)
            let found = normalized.flatMap(catalog.lookup(normalized:))
            let exact = found.flatMap { $0.isFamily ? nil : $0 }
            let byDevice = gpu.vendor == "amd" ? (gpu.deviceID.value.flatMap { AMDDeviceNames.pciDevices[$0.lowercased()] } ?? []) : []
            if let exact, byDevice.isEmpty || byDevice.contains(where: { GPUName.normalize($0) == GPUName.normalize(exact.name) }) {
                model = exact
                candidates = []
            } else if !byDevice.isEmpty {
                // The device id outranks a name that disagrees with it or lists several models.
                model = byDevice.count == 1 ? catalog.lookup(byDevice[0]) : nil
                candidates = byDevice.count == 1 ? [] : byDevice.map(GPUName.normalize)
            } else if gpu.vendor == "amd", let name, exact == nil {
                let listed = AMDDeviceNames.models(inDatabaseName: name)
                let models = listed.compactMap { catalog.lookup($0) }.filter { !$0.isFamily }
                model = listed.count == 1 ? models.first : nil
                candidates = listed.count > 1 ? listed.map(GPUName.normalize) : []
            } else {
                model = found
                candidates = []
            }
        }

        init(name: String, catalog: GPUCatalog) {
            self.init(GPUFacts.named(name), catalog: catalog)
        }

        /// Several models fit what the machine reported (for messages).
        var isAmbiguous: Bool { candidates.count > 1 }

        func sameModel(as other: Named) -> Bool {
            guard let normalized, let theirs = other.normalized else { return false }
            if let model, let otherModel = other.model, !model.isFamily, !otherModel.isFamily { return model == otherModel }
            if normalized == theirs { return true }
            if let model, !model.isFamily, other.candidates.contains(GPUName.normalize(model.name)) { return true }
            if let otherModel = other.model, !otherModel.isFamily, candidates.contains(GPUName.normalize(otherModel.name)) { return true }
            return other.candidates.contains(normalized) || candidates.contains(theirs)
        }
    }

    private func isUnidentified(_ gpu: GPUFacts) -> Bool {
        gpu.model.value == nil && (gpu.vendor == "nvidia" || gpu.vendor == "amd")
    }

    private func modelFinding(_ index: Int, _ gpu: MachineSpec.GPU, _ matched: [GPUFacts], unidentified: [GPUFacts],
                              _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.gpus[\(index)].model", expected = expectedModel(gpu)
        let buses = matched.map(\.busID).joined(separator: ", ")
        if matched.count == gpu.count {
            let actual = expected
            let vague = matched.map { Named($0, catalog: catalog) }.filter(\.isAmbiguous)
            guard let example = vague.first?.gpu else { return context.ok(key, expected: expected, actual: actual, "found \(actual) at \(buses)") }
            let shown = example.deviceID.value.map { "PCI id \($0)" } ?? "'\(example.model.value ?? "")'"
            return context.ok(key, expected: expected, actual: actual,
                              "found \(actual) at \(buses) (as far as the machine tells: its \(shown) also fits other models)")
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
        let key: SpecKeyPath = "parts.gpus[\(index)].vram"
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

private extension GPUFacts {
    /// A stand-in carrying only a name, for matching a spec entry.
    static func named(_ name: String) -> GPUFacts {
        var gpu = GPUFacts(busID: "", vendor: "")
        gpu.model = .value(name)
        return gpu
    }
}
