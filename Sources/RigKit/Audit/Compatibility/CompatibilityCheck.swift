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
    rules.flatMap { rule -> [Finding] in
        let found = rule.check(spec)
        guard found.isEmpty, passes else { return found }
        return [Finding(machine: spec.name, keyPath: "", status: .ok, severity: .info, message: "passes: \(rule.summary)", rule: rule.id)]
    }.sortedForReport()
}
