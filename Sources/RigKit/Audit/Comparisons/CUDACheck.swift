import RigSpec
import RigSystem
import RigProbe

/// `drivers.cuda` (`12.8` = any 12.8.x, or `>=12.4`) against the toolkits installed under
/// /usr/local, else the nvcc on PATH. One satisfying toolkit is enough: several may be installed.
package struct CUDACheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.drivers?.cuda == nil ? [] : [.cuda] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let wanted = spec.drivers?.cuda, let cuda = facts.cuda else { return [] }
        return [finding(wanted, cuda, context)]
    }

    private func finding(_ wanted: VersionConstraint, _ cuda: CUDAFacts, _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "drivers.cuda", expected = wanted.description
        var versions = cuda.toolkits.value?.map(\.version) ?? []
        if let nvcc = cuda.nvcc.value, !versions.contains(nvcc) { versions.append(nvcc) }
        if versions.isEmpty {
            if case .unknown(let reason) = cuda.toolkits {
                return context.unknown(key, expected: expected, what: "the CUDA toolkit", reason: reason)
            }
            return context.missing(key, expected: expected,
                                   "no CUDA toolkit installed (none under /usr/local, no nvcc), the spec wants \(expected)")
        }
        let actual = versions.joined(separator: ", ")
        if let good = versions.first(where: { Version($0).map(wanted.isSatisfied) ?? false }) {
            return context.ok(key, expected: expected, actual: actual, "CUDA toolkit \(good) is installed")
        }
        return context.drift(key, expected: expected, actual: actual,
                             "installed CUDA toolkit\(versions.count == 1 ? " is" : "s are") \(actual), the spec wants \(expected)")
    }
}
