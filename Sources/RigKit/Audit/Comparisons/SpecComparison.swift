import RigSpec
import RigSystem
import RigProbe

/// One area of the spec compared with the facts a probe gathered (hostname, GPUs, BIOS, …).
///
/// Contract: every spec key the comparison looks at yields exactly one finding (`ok` included), so
/// a report can say "12 ok, 1 drift"; a fact group that was not probed (nil in `Facts`) yields
/// no finding at all; a fact that is `unknown` yields status `unknown` with the fact's reason.
/// Manual checklist items need no facts and are always reported.
package protocol SpecComparison: Sendable {
    /// The fact groups this comparison reads for `spec`; empty when the spec names nothing it checks.
    func groups(for spec: MachineSpec) -> Set<FactGroup>
    /// The findings for `spec` against `facts`.
    func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding]
}

/// What every comparison shares: the spec, the manual items a person confirmed, and the
/// constructors that give each status its severity.
package struct AuditContext: Sendable {
    package let spec: MachineSpec
    /// Manual checklist items confirmed in the build log, keyed by spec key path (`bios.settings.xmp`).
    package let confirmations: Set<SpecKeyPath>

    package init(spec: MachineSpec, confirmations: Set<SpecKeyPath> = []) {
        self.spec = spec
        self.confirmations = confirmations
    }

    /// The machine matches: severity info.
    package func ok(_ keyPath: SpecKeyPath, expected: String?, actual: String?, _ message: String) -> Finding {
        Finding(spec: spec, keyPath: keyPath, expected: expected, actual: actual, status: .ok, severity: .info, message: message)
    }

    /// The machine has something else: severity error.
    package func drift(_ keyPath: SpecKeyPath, expected: String?, actual: String?, _ message: String) -> Finding {
        Finding(spec: spec, keyPath: keyPath, expected: expected, actual: actual, status: .drift, severity: .error, message: message)
    }

    /// The machine lacks what the spec wants: severity error.
    package func missing(_ keyPath: SpecKeyPath, expected: String?, actual: String? = nil, _ message: String) -> Finding {
        Finding(spec: spec, keyPath: keyPath, expected: expected, actual: actual, status: .missing, severity: .error, message: message)
    }

    /// The fact could not be seen: severity warning, the reason in the message.
    package func unknown(_ keyPath: SpecKeyPath, expected: String?, what: String, reason: String) -> Finding {
        Finding(spec: spec, keyPath: keyPath, expected: expected, actual: nil, status: .unknown, severity: .warning,
                message: "cannot check \(what): \(reason)")
    }

    /// Only a person can tell: `ok` when the build log records a confirmation, else `manual` (warning).
    package func manual(_ keyPath: SpecKeyPath, expected: String, what: String) -> Finding {
        if confirmations.contains(keyPath) {
            return Finding(spec: spec, keyPath: keyPath, expected: expected, actual: "confirmed", status: .ok, severity: .info,
                           message: "\(what) is \(expected) (confirmed in the build log)")
        }
        return Finding(spec: spec, keyPath: keyPath, expected: expected, actual: nil, status: .manual, severity: .warning,
                       message: "\(what) should be \(expected); no probe can see it, confirm it in the BIOS and record it in the build log")
    }

    /// The usual shape: unknown when the fact is, else ok or drift by `matches`.
    /// Messages read "<what> is <actual>" and "<what> is <actual>, the spec wants <expected>".
    package func compare<T>(_ keyPath: SpecKeyPath, expected: String, fact: Fact<T>, what: String,
                           show: (T) -> String, matches: (T) -> Bool) -> Finding {
        switch fact {
        case .unknown(let reason):
            return unknown(keyPath, expected: expected, what: what, reason: reason)
        case .value(let value):
            let actual = show(value)
            if matches(value) { return ok(keyPath, expected: expected, actual: actual, "\(what) is \(actual)") }
            return drift(keyPath, expected: expected, actual: actual, "\(what) is \(actual), the spec wants \(expected)")
        }
    }
}
