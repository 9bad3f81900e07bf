import ArgumentParser

/// rigctl's documented exit codes (also in `rigctl --help` and the README).
enum RigExit {
    /// Clean: valid, no drift, converged.
    static let clean = ExitCode(0)
    /// Findings: drift, a failed compatibility rule, a failed step, stale playbooks.
    static let findings = ExitCode(1)
    /// A spec or input that cannot be understood.
    static let badInput = ExitCode(2)
}
