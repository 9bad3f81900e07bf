import RigSpec
import RigSystem
import RigProbe

/// `parts.memory`: size, module count, type and speed.
///
/// Size is checked against the installed modules (dmidecode, root only) when they are known:
/// their total must equal the spec. Without them it falls back to `MemTotal`, which is always a
/// little lower than what is installed because firmware and kernel reserve memory; it must lie
/// within `MemoryCheck.reserveTolerance` below the spec (and never above it).
package struct MemoryCheck: SpecComparison {
    package init() {}

    /// The most `MemTotal` may fall short of the installed size: 4 % plus 512 MiB
    /// (observed: 4.7 % on a 4 GiB VM, 1.6 % on a 256 GiB server; one missing module is far more).
    package static func reserveTolerance(forInstalled bytes: Double) -> Double {
        bytes * 0.04 + 512 * 1_048_576
    }

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.memory == nil ? [] : [.memory] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let memory = spec.parts.memory, let seen = facts.memory else { return [] }
        var findings = [size(memory, seen, context)]
        if let modules = memory.modules {
            findings.append(context.compare("parts.memory.modules", expected: String(modules), fact: seen.dimms,
                                            what: "the number of memory modules", show: { String($0.count) },
                                            matches: { $0.count == modules }))
        }
        if let type = memory.type {
            findings.append(context.compare("parts.memory.type", expected: type.rawValue, fact: seen.dimms, what: "the memory type",
                                            show: { Self.distinct($0.map { $0.type ?? "Unknown" }) },
                                            matches: { $0.allSatisfy { $0.type == type.rawValue } }))
        }
        if let speed = memory.speed {
            let wanted = Int((speed.value / 1e6).rounded())
            findings.append(speedFinding(wanted: wanted, text: speed.text, seen.dimms, context))
        }
        return findings
    }

    private func size(_ memory: MachineSpec.Memory, _ seen: MemoryFacts, _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.memory.size", wanted = memory.size.value, expected = memory.size.text
        if let dimms = seen.dimms.value, !dimms.isEmpty {
            let total = dimms.reduce(0.0) { $0 + Double($1.sizeBytes) }
            let actual = "\(ByteCount.binary(total)) in \(dimms.count) module\(dimms.count == 1 ? "" : "s")"
            if abs(total - wanted) < 1_048_576 { return context.ok(key, expected: expected, actual: actual, "installed memory is \(actual)") }
            return context.drift(key, expected: expected, actual: actual, "installed memory is \(actual), the spec wants \(expected)")
        }
        return context.compare(key, expected: expected, fact: seen.totalBytes, what: "usable memory (MemTotal)",
                               show: { ByteCount.binary(Double($0)) }, matches: { total in
            let usable = Double(total)
            return usable <= wanted && wanted - usable <= Self.reserveTolerance(forInstalled: wanted)
        })
    }

    private func speedFinding(wanted: Int, text: String, _ dimms: Fact<[DIMMFacts]>, _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.memory.speed"
        guard case .value(let modules) = dimms else {
            return context.unknown(key, expected: text, what: "the memory speed", reason: dimms.reason ?? "")
        }
        let speeds = modules.compactMap { $0.configuredSpeedMTs ?? $0.ratedSpeedMTs }
        guard speeds.count == modules.count, let slowest = speeds.min(), !modules.isEmpty else {
            return context.unknown(key, expected: text, what: "the memory speed", reason: "dmidecode reports no speed for some modules")
        }
        let actual = "\(slowest) MT/s"
        if slowest >= wanted { return context.ok(key, expected: text, actual: actual, "memory runs at \(actual)") }
        return context.drift(key, expected: text, actual: actual,
                             "memory runs at \(actual), the spec wants \(text) (is the XMP/EXPO profile off?)")
    }

    private static func distinct(_ values: [String]) -> String {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen.isEmpty ? "no modules" : seen.joined(separator: ", ")
    }
}
