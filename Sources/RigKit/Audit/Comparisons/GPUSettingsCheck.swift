import RigSpec
import RigSystem
import RigProbe

/// `gpu-settings.power-limit` and `gpu-settings.persistence` against every NVIDIA GPU, as
/// nvidia-smi reports them (the limit may differ by up to 1 W: nvidia-smi prints centiwatts).
package struct GPUSettingsCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> {
        guard let settings = spec.gpuSettings, settings.powerLimit != nil || settings.persistence != nil else { return [] }
        return [.gpus]
    }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let settings = spec.gpuSettings, let gpus = facts.gpus else { return [] }
        var findings: [Finding] = []
        if let limit = settings.powerLimit {
            findings.append(check("gpu-settings.power-limit", expected: limit.text, what: "the GPU power limit", gpus, context,
                                  fact: \.powerLimitWatts, show: { Quantity.watts($0).text }, matches: { abs($0 - limit.value) <= 1 }))
        }
        if let persistence = settings.persistence {
            findings.append(check("gpu-settings.persistence", expected: String(persistence), what: "GPU persistence mode", gpus, context,
                                  fact: \.persistenceMode, show: { String($0) }, matches: { $0 == persistence }))
        }
        return findings
    }

    private func check<T: Equatable & Codable & Sendable & Hashable>(
        _ key: SpecKeyPath, expected: String, what: String, _ gpus: Fact<[GPUFacts]>, _ context: AuditContext,
        fact: KeyPath<GPUFacts, Fact<T>>, show: (T) -> String, matches: (T) -> Bool
    ) -> Finding {
        guard case .value(let list) = gpus else { return context.unknown(key, expected: expected, what: what, reason: gpus.reason ?? "") }
        let nvidia = list.filter { $0.vendor == "nvidia" }
        guard !nvidia.isEmpty else { return context.unknown(key, expected: expected, what: what, reason: "no NVIDIA GPU found") }
        var values: [T] = []
        for gpu in nvidia {
            switch gpu[keyPath: fact] {
            case .value(let value): values.append(value)
            case .unknown(let reason): return context.unknown(key, expected: expected, what: "\(what) of \(gpu.busID)", reason: reason)
            }
        }
        let actual = values.reduce(into: [String]()) { shown, value in
            if !shown.contains(show(value)) { shown.append(show(value)) }
        }.joined(separator: ", ")
        if values.allSatisfy(matches) { return context.ok(key, expected: expected, actual: actual, "\(what) is \(actual)") }
        return context.drift(key, expected: expected, actual: actual, "\(what) is \(actual), the spec wants \(expected)")
    }
}
