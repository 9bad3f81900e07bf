import RigSpec
import RigSystem
import RigProbe

/// Every compatibility rule, in the order their findings are grouped when locations tie.
package enum CompatibilityCheck {
    /// The rules `validate` and `audit` run.
    package static let standardRules: [any CompatibilityRule] = [
        UnknownGPU(),
        GPUMinimumCUDA(),
        CUDAMinimumDriver(),
        GPUMinimumDriver(),
        OSSupportsCUDA(),
        GPUSupportsROCm(),
        OSSupportsROCm(),
        DriverMatchesGPUVendor(),
        PowerBudget(),
        DeclaredVRAM(),
        TorchWheelArchitectures(),
        TorchWheelDriver(),
        MLXPlatform(),
    ]
}

/// Runs every compatibility rule over `spec` (no machine needed); findings in report order. With
/// `passes`, a rule that found nothing says so with an `ok` finding (what `validate` lists).
package func checkCompatibility(_ spec: MachineSpec,
                               rules: [any CompatibilityRule] = CompatibilityCheck.standardRules,
                               passes: Bool = false) -> [Finding] {
    CompatibilityRules(rules).check(spec, passes: passes)
}

/// Rules run together over each spec: what they look up about a spec is looked up once
/// (`SpecLookups`), and each rule's `ok` text is made once, not once per spec.
package struct CompatibilityRules: Sendable {
    package let rules: [any CompatibilityRule]
    private let passTexts: [String]
    /// Each rule's place among the `ok` findings of passing rules in report order, when no two of
    /// those findings tie (distinct ids or texts); nil otherwise.
    private let passRanks: [Int]?

    package init(_ rules: [any CompatibilityRule]) {
        self.rules = rules
        let passTexts = rules.map { "passes: \($0.summary)" }
        self.passTexts = passTexts
        // The same findings for every spec but the machine's name, which they share: ordered once.
        let passes = zip(rules, passTexts).map { Finding(machine: "", keyPath: "", status: .ok, severity: .info, message: $1, rule: $0.id) }
        let order = passes.indices.sorted { Finding.precedes(passes[$0], passes[$1]) }
        let strict = zip(order, order.dropFirst()).allSatisfy { Finding.precedes(passes[$0], passes[$1]) }
        var ranks = [Int](repeating: 0, count: rules.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank }
        passRanks = strict ? ranks : nil
    }

    /// `checkCompatibility(spec, rules: rules, passes: passes)`.
    package func check(_ spec: MachineSpec, passes: Bool) -> [Finding] {
        let lookups = SpecLookups(spec)
        var findings: [Finding] = []
        var passed: [(position: Int, rule: Int)] = []
        for (index, (rule, passText)) in zip(rules, passTexts).enumerated() {
            let found = rule.check(spec, lookups: lookups)
            if found.isEmpty, passes {
                passed.append((findings.count, index))
                findings.append(Finding(machine: spec.name, keyPath: "", status: .ok, severity: .info, message: passText, rule: rule.id))
            } else {
                findings += found
            }
        }
        return sorted(findings, passes: passed, machine: spec.name)
    }

    /// `findings.sortedForReport()`, with the `ok` findings of passing rules placed by their ranks.
    /// Exact when every other finding is this machine's and located: a located finding precedes every
    /// unlocated one, so the others sort among themselves and the passes follow, in the order that
    /// sorting them gives (ranked once, without ties).
    private func sorted(_ findings: [Finding], passes: [(position: Int, rule: Int)], machine: String) -> [Finding] {
        guard let passRanks, !passes.isEmpty else { return findings.sortedForReport() }
        var others: [Finding] = []
        others.reserveCapacity(findings.count - passes.count)
        var next = 0
        for (position, finding) in findings.enumerated() {
            if next < passes.count, passes[next].position == position { next += 1; continue }
            guard finding.location != nil, finding.machine == machine else { return findings.sortedForReport() }
            others.append(finding)
        }
        var result = others.sortedForReport()
        result.reserveCapacity(findings.count)
        for pass in passes.sorted(by: { passRanks[$0.rule] < passRanks[$1.rule] }) { result.append(findings[pass.position]) }
        return result
    }
}
