import RigSpec
import RigSystem
import RigProbe

/// Every compatibility rule, in the order their findings are grouped when locations tie.
public enum CompatibilityCheck {
    /// The rules `validate` and `audit` run.
    public static let standardRules: [any CompatibilityRule] = [
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
public func checkCompatibility(_ spec: MachineSpec,
                               rules: [any CompatibilityRule] = CompatibilityCheck.standardRules) -> [Finding] {
    rules.flatMap { $0.check(spec) }.sortedForReport()
}
