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

    package init(_ rules: [any CompatibilityRule]) {
        self.rules = rules
        passTexts = rules.map { "passes: \($0.summary)" }
    }

    /// `checkCompatibility(spec, rules: rules, passes: passes)`.
    package func check(_ spec: MachineSpec, passes: Bool) -> [Finding] {
        let lookups = SpecLookups(spec)
        var findings: [Finding] = []
        for (rule, passText) in zip(rules, passTexts) {
            let found = rule.check(spec, lookups: lookups)
            if found.isEmpty, passes {
                findings.append(Finding(machine: spec.name, keyPath: "", status: .ok, severity: .info, message: passText, rule: rule.id))
            } else {
                findings += found
            }
        }
        return findings.sortedForReport()
    }
}
