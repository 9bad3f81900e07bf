import RigSpec
import RigSystem
import RigProbe

/// The spec × facts comparisons `audit` runs, in report order.
package enum SpecComparisons {
    package static let standard: [any SpecComparison] = [
        HostnameCheck(), OSCheck(), ChipCheck(), CPUCheck(), MemoryCheck(), GPUCheck(), PCIeLinkCheck(), StorageCheck(),
        BIOSCheck(), DriverCheck(), CUDACheck(), ROCmCheck(), DriverHealthCheck(), GPUSettingsCheck(), PackagesCheck(), PythonCheck(), ContainersCheck(),
    ]
}

/// Compares `spec` with `facts`: one finding per compared spec key (`ok` included), in report order.
///
/// Pure: no I/O. Groups missing from `facts` (not probed) are skipped; unknown facts give `unknown`.
/// - Parameter confirmations: manual checklist items a person confirmed, read from the machine's
///   build log, keyed by spec key path (`bios.settings.xmp`, `bios.settings.fan-curve`). A
///   confirmed item is `ok`; an unconfirmed one is `manual` (warning). Items never expire: the
///   build log is the record.
package func audit(_ spec: MachineSpec, facts: Facts, confirmations: Set<SpecKeyPath> = [],
                  comparisons: [any SpecComparison] = SpecComparisons.standard) -> [Finding] {
    let context = AuditContext(spec: spec, confirmations: confirmations)
    return comparisons.flatMap { $0.findings(spec, facts, context) }.sortedForReport()
}

/// Which fact groups a spec needs probed: only what it names (packages only when it lists some).
package enum FactNeeds {
    package static func groups(for spec: MachineSpec, comparisons: [any SpecComparison] = SpecComparisons.standard) -> Set<FactGroup> {
        comparisons.reduce(into: Set<FactGroup>()) { $0.formUnion($1.groups(for: spec)) }
    }
}
