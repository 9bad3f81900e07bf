import RigSpec
import RigAudit

/// The verdict per workload: each entry of `workloads:` judged against the spec's GPUs and RAM
/// (`FitPlanner`). One finding per workload: `ok` when it fits on one GPU or a split, a warning when it
/// fits only with CPU offload (or a caution such as a x1 link under a training split), an error when it
/// does not fit.
package struct WorkloadFit: CompatibilityRule {
    package let id = "workload-fit"
    package let summary = "each workload fits the GPUs (or with CPU offload, the RAM)"
    package var catalog: GPUCatalog

    package init(catalog: GPUCatalog = .standard) { self.catalog = catalog }

    package func check(_ spec: MachineSpec) -> [Finding] { check(spec, lookups: SpecLookups(spec)) }

    package func check(_ spec: MachineSpec, lookups: SpecLookups) -> [Finding] {
        verdicts(spec, on: FitMachine(spec: spec, catalog: catalog, lookups: lookups)).map { index, workload, verdict in
            let (status, severity): (Finding.Status, Finding.Severity)
            switch verdict.outcome {
            case .oneGPU, .split: (status, severity) = verdict.caution == nil ? (.ok, .info) : (.incompatible, .warning)
            case .offload: (status, severity) = (.incompatible, .warning)
            case .doesNotFit: (status, severity) = (.incompatible, .error)
            }
            return Finding(spec: spec, keyPath: "workloads[\(index)]", expected: "fits", actual: verdict.headline,
                           status: status, severity: severity, message: "workload '\(workload.name)': " + verdict.message, rule: id)
        }
    }

    /// Each workload of `spec` that resolves (WorkloadResolver.diagnostics refuses a spec with one
    /// that does not before the rules run), with its verdict on the spec's parts: what `rigctl fit MACHINE` prints.
    package func verdicts(_ spec: MachineSpec) -> [(index: Int, workload: MachineSpec.Workload, verdict: FitVerdict)] {
        verdicts(spec, on: FitMachine(spec: spec, catalog: catalog))
    }

    private func verdicts(_ spec: MachineSpec, on machine: FitMachine) -> [(index: Int, workload: MachineSpec.Workload, verdict: FitVerdict)] {
        spec.workloads.enumerated().compactMap { index, workload in
            guard case .success(let resolved) = WorkloadResolver.resolve(workload) else { return nil }
            return (index, workload, FitPlanner.judge(MemoryEstimator.estimate(resolved), on: machine))
        }
    }
}
