import RigSpec
import RigSystem
import RigProbe

/// `drivers.nvidia.version` (a branch `570`, an exact `570.124.06`, or `>=570`) and
/// `drivers.nvidia.flavor` (open or proprietary kernel modules) against the loaded module.
package struct DriverCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.drivers?.nvidia == nil ? [] : [.nvidiaDriver] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let nvidia = spec.drivers?.nvidia, let driver = facts.nvidiaDriver else { return [] }
        let wanted = nvidia.version
        return [
            context.compare("drivers.nvidia.version", expected: wanted.description, fact: driver.version,
                            what: "the loaded NVIDIA driver", show: { $0 },
                            matches: { Version($0).map(wanted.isSatisfied) ?? false })
                .withMessage(ifDrift: { "the loaded NVIDIA driver is \($0), the spec wants \(Self.describe(wanted))" }),
            context.compare("drivers.nvidia.flavor", expected: nvidia.flavor.rawValue, fact: driver.flavor,
                            what: "the NVIDIA kernel module flavor", show: { $0 }, matches: { $0 == nvidia.flavor.rawValue }),
        ]
    }

    /// `branch 570`, `exactly 570.124.06`, `570 or newer`.
    static func describe(_ constraint: VersionConstraint) -> String {
        switch constraint.kind {
        case .atLeast: return "\(constraint.version) or newer"
        case .prefix: return constraint.version.components.count == 1 ? "branch \(constraint.version)" : "exactly \(constraint.version)"
        }
    }
}

extension Finding {
    /// The same finding with a more specific sentence when it is a drift.
    func withMessage(ifDrift message: (String) -> String) -> Finding {
        guard status == .drift, let actual else { return self }
        var copy = self
        copy.message = message(actual)
        return copy
    }
}
