import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

extension Planner {
    /// The plan with steps marked done where findings (from `diff`/`audit`) show the machine already
    /// matches: every finding about a step's key paths (the key itself, or keys below it such as
    /// `packages.apt[2]`) is `ok`, and there is at least one. Findings of other machines are ignored.
    package func plan(spec: MachineSpec, findings: [Finding], dotfiles: [RenderedFile] = []) -> Plan {
        let own = findings.filter { $0.machine == spec.name }
        let keys = Set(plan(spec: spec, dotfiles: dotfiles).steps.flatMap(\.fixes))
        return plan(spec: spec, satisfied: Self.satisfied(keys, by: own), dotfiles: dotfiles)
    }

    /// The keys whose findings (at the key or below it) are all `ok`.
    static func satisfied(_ keys: Set<SpecKeyPath>, by findings: [Finding]) -> Set<SpecKeyPath> {
        keys.filter { key in
            let about = findings.filter { key.covers($0.keyPath) }
            return !about.isEmpty && about.allSatisfy { $0.status == .ok }
        }
    }
}
