import RigSpec
import RigSystem
import RigProbe

/// `os.distro` against os-release `ID`, `os.release` against `VERSION_ID`, and `os.arch` (when the spec
/// names it) against `uname -m`. On a Mac the probe fills the same facts from `sw_vers` (`macos`, `15.5`)
/// and a spec's `release: "15"` matches any 15.x.
package struct OSCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { [.os] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let os = facts.os else { return [] }
        let distro = spec.os.distro.rawValue
        var findings = [
            context.compare("os.distro", expected: distro, fact: os.id, what: "the distribution (os-release ID)",
                            show: { $0 }, matches: { $0.lowercased() == distro }),
            context.compare("os.release", expected: spec.os.release, fact: os.version, what: "the release (os-release VERSION_ID)",
                            show: { $0 }, matches: { spec.os.profile.releaseMatches(spec: spec.os.release, probed: $0) }),
        ]
        if let arch = spec.os.declaredArchitecture {
            findings.append(context.compare("os.arch", expected: arch.rawValue, fact: os.architecture, what: "the architecture (uname -m)",
                                            show: { $0 }, matches: { $0 == spec.os.kernelArchitectureName }))
        }
        return findings
    }
}
