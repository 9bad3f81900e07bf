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
        PowerBudget(),
        DeclaredVRAM(),
    ]
}

/// Runs every compatibility rule over `spec` (no machine needed); findings in report order.
package func checkCompatibility(_ spec: MachineSpec,
                               rules: [any CompatibilityRule] = CompatibilityCheck.standardRules) -> [Finding] {
    rules.flatMap { $0.check(spec) }.sortedForReport()
}
