import RigSpec
import RigSystem
import RigProbe

/// Each GPU's PCIe link (`GPUFacts.pcieLink`, from sysfs) against what the spec expects.
///
/// Cards are matched to `parts.gpus` entries by model, in probe order, as `GPUCheck` matches them.
/// - `pcie.width` written: drift when a card runs at fewer lanes; ok otherwise.
/// - no `pcie.width`: a warning when a card runs at fewer lanes than it supports (`max_link_width`):
///   a x16 card at x4 behind a riser or in a narrower slot, or a card not seated.
/// - `pcie.speed` written: drift when the card cannot reach it (`max_link_speed`). The current speed
///   is only shown: NVIDIA GPUs lower it when idle (nvidia-smi -q: "PCIe Generation … Current …
///   may be reduced when the GPU is not in use").
package struct PCIeLinkCheck: SpecComparison {
    let catalog: GPUCatalog

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.gpus.isEmpty ? [] : [.gpus] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard case .value(let seen)? = facts.gpus else { return [] }
        // Names normalised and looked up once per GPU and entry, as `GPUCheck` does.
        var unassigned = seen.map { GPUCheck.Named($0, catalog: catalog) }
        var findings: [Finding] = []
        for (index, entry) in spec.parts.gpus.enumerated() {
            let wanted = GPUCheck.Named(name: entry.model, catalog: catalog)
            var matched: [GPUFacts] = []
            while matched.count < entry.count, let next = unassigned.firstIndex(where: { wanted.sameModel(as: $0) }) {
                matched.append(unassigned.remove(at: next).gpu)
            }
            for gpu in matched { findings += check(gpu, entry: entry, index: index, spec: spec, context) }
        }
        return findings
    }

    private func check(_ gpu: GPUFacts, entry: MachineSpec.GPU, index: Int, spec: MachineSpec, _ context: AuditContext) -> [Finding] {
        let base = "parts.gpus[\(index)].pcie"
        let wantsWidth = entry.pcie?.width, wantsSpeed = entry.pcie?.speed
        guard let fact = gpu.pcieLink else {
            guard wantsWidth != nil || wantsSpeed != nil else { return [] }
            return [context.unknown(SpecKeyPath(stringLiteral: base), expected: expected(entry.pcie), what: "the PCIe link of \(gpu.busID)",
                                    reason: "sysfs has no link attributes for it")]
        }
        guard case .value(let link) = fact else {
            guard wantsWidth != nil || wantsSpeed != nil else { return [] }
            return [context.unknown(SpecKeyPath(stringLiteral: base), expected: expected(entry.pcie), what: "the PCIe link of \(gpu.busID)",
                                    reason: fact.reason ?? "")]
        }
        let now = "x\(link.width)" + (link.speedGTs.map { " at \(Self.rate($0))" } ?? "")
        var found: [Finding] = []
        if let wantsWidth {
            let key = SpecKeyPath(stringLiteral: base + ".width")
            if link.width >= wantsWidth {
                found.append(context.ok(key, expected: "x\(wantsWidth)", actual: "x\(link.width)", "the GPU at \(gpu.busID) runs at \(now)"))
            } else {
                found.append(context.drift(key, expected: "x\(wantsWidth)", actual: "x\(link.width)",
                                           "the GPU at \(gpu.busID) runs at x\(link.width) (it can do x\(link.maxWidth)), the spec wants x\(wantsWidth): "
                                               + "check the riser and that the card is seated"))
            }
        } else if link.width < link.maxWidth {
            found.append(Finding(spec: spec, keyPath: SpecKeyPath(stringLiteral: "parts.gpus[\(index)]"), expected: "x\(link.maxWidth)", actual: "x\(link.width)",
                                 status: .drift, severity: .warning,
                                 message: "the GPU at \(gpu.busID) runs at x\(link.width) of its x\(link.maxWidth) (a narrower slot or riser, or a card "
                                     + "not seated); write parts.gpus[\(index)].pcie.width: \(link.width) if the machine is built that way"))
        }
        if let wantsSpeed {
            let key = SpecKeyPath(stringLiteral: base + ".speed")
            let wanted = wantsSpeed.value / 1e9
            guard let max = link.maxSpeedGTs else {
                found.append(context.unknown(key, expected: wantsSpeed.text, what: "the PCIe speed of \(gpu.busID)", reason: "max_link_speed is Unknown"))
                return found
            }
            let current = link.speedGTs.map { " (now \(Self.rate($0)); NVIDIA GPUs lower it when idle)" } ?? ""
            if max + 1e-9 >= wanted {
                found.append(context.ok(key, expected: wantsSpeed.text, actual: Self.rate(max), "the GPU at \(gpu.busID) supports \(Self.rate(max))\(current)"))
            } else {
                found.append(context.drift(key, expected: wantsSpeed.text, actual: Self.rate(max),
                                           "the GPU at \(gpu.busID) supports at most \(Self.rate(max)), the spec wants \(wantsSpeed.text)"))
            }
        }
        return found
    }

    private func expected(_ link: MachineSpec.PCIeLink?) -> String {
        [link?.width.map { "x\($0)" }, link?.speed?.text].compactMap { $0 }.joined(separator: " at ")
    }

    /// `16 GT/s`, `2.5 GT/s`.
    static func rate(_ gigatransfers: Double) -> String {
        (gigatransfers.wholeNumberText ?? String((gigatransfers * 10).rounded() / 10)) + " GT/s"
    }
}
