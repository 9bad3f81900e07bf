import RigSpec
import RigSystem
import RigProbe

/// `python.version`, `python.torch.version` and `python.torch.cuda` against the environment's own
/// interpreter (`PythonFacts`), and whether torch sees the GPUs on a machine that has them.
/// `python.packages` are not compared: the plan's guard (uv's dry run) is their check.
package struct PythonCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.python == nil ? [] : [.python] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let wanted = spec.python, let python = facts.python else { return [] }
        var findings = [
            context.compare("python.version", expected: wanted.version, fact: python.interpreter, what: "the Python of \(wanted.path)",
                            show: { $0 }, matches: { $0 == wanted.version || $0.hasPrefix(wanted.version + ".") }),
        ]
        guard let torch = wanted.torch else { return findings }
        // `2.7.1+cu128`: the local version names the variant; the public part is the release.
        findings.append(context.compare("python.torch.version", expected: torch.version.description, fact: python.torch,
                                        what: "torch in \(wanted.path)", show: { $0 },
                                        matches: { Version(String($0.split(separator: "+").first ?? "")).map(torch.version.isSatisfied) ?? false }))
        let expectedCUDA = torch.cuda?.description ?? "none"
        findings.append(context.compare("python.torch.cuda", expected: torch.cuda.map { "CUDA \($0) (\(torch.variant))" } ?? "CPU-only",
                                        fact: python.torchCUDA, what: "the CUDA torch was built for", show: { $0 == "none" ? "CPU-only" : "CUDA \($0)" },
                                        matches: { $0 == expectedCUDA || (Version($0).map { v in torch.cuda.map { TorchWheelTable.same(v.truncated(to: 2), $0.truncated(to: 2)) } ?? false } ?? false) }))
        if torch.cuda != nil, spec.parts.gpuCount > 0 {
            findings.append(gpuVisibility(python, context))
        }
        return findings
    }

    /// `torch.cuda.is_available()` false where the spec has GPUs and a CUDA variant: an error with the likely causes.
    private func gpuVisibility(_ python: PythonFacts, _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "python.torch"
        switch (python.cudaAvailable, python.gpusVisible) {
        case (.unknown(let reason), _):
            return context.unknown(key, expected: "CUDA available", what: "whether torch sees the GPUs", reason: reason)
        case (.value(true), let count):
            return context.ok(key, expected: "CUDA available", actual: count.value.map { "\($0) GPU\($0 == 1 ? "" : "s")" } ?? "available",
                              "torch sees \(count.value.map { "\($0) GPU\($0 == 1 ? "" : "s")" } ?? "the GPUs")")
        case (.value(false), _):
            let cause = python.torchCUDA.value == "none"
                ? "the CPU-only wheels are installed"
                : "the likely cause is the driver: not loaded, a Driver/library version mismatch (reboot pending), or older than the wheels' CUDA (see drivers.nvidia.user-space and torch-cuda-driver)"
            return context.drift(key, expected: "CUDA available", actual: "not available",
                                 "torch.cuda.is_available() is false on a machine with NVIDIA GPUs: \(cause)")
        }
    }
}
