import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// The environment at `path`: its interpreter runs a short script that prints one JSON line (the
/// version, and torch's version, CUDA and GPUs when torch imports). Importing torch can take
/// seconds, so the script gets at least `minimumTimeout`; it only looks.
package struct PythonProber: Prober {
    package var path: String
    package static let minimumTimeout: Duration = .seconds(30)

    package init(path: String) { self.path = path }
    /// It runs the environment's own interpreter, the same on both.
    package var platforms: Set<DistributionProfile.Platform> { [.linux, .macOS] }
    package var groups: Set<FactGroup> { [.python] }
    package var runsCommands: Bool { true }

    static let script = """
        import json, sys
        out = {"python": "%d.%d.%d" % sys.version_info[:3]}
        try:
            import torch
        except Exception as error:
            out["torchError"] = "%s: %s" % (type(error).__name__, error)
        else:
            out["torch"] = str(torch.__version__)
            out["cuda"] = torch.version.cuda
            out["available"] = bool(torch.cuda.is_available())
            out["devices"] = int(torch.cuda.device_count())
        print(json.dumps(out))
        """

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let python = path + "/bin/python"
        var facts = PythonFacts()
        facts.path = path
        let result = await system.run([python, "-c", Self.script], timeout: max(timeout, Self.minimumTimeout))
        if let reason = result.failureReason(program: python) {
            let why = result.outcome == .notFound ? "no environment at \(path) (\(python) not found)" : reason
            facts.set(unknown: why)
        } else if let line = result.output.split(whereSeparator: \.isNewline).last,
                  let object = try? JSONValue.parse(String(line)), object.members != nil {
            facts.interpreter = Fact(object["python"]?.string.map { UntrustedText.escaped($0) }, else: "the interpreter printed no version")
            if let torch = object["torch"]?.string {
                facts.torch = .value(UntrustedText.escaped(torch))
                facts.torchCUDA = .value(object["cuda"]?.string.map { UntrustedText.escaped($0) } ?? "none")
                facts.cudaAvailable = Fact(object["available"].flatMap { if case .bool(let seen) = $0 { seen } else { nil } }, else: "torch did not say")
                facts.gpusVisible = Fact(object["devices"]?.uint64.flatMap { Int(exactly: $0) }, else: "torch did not say")
            } else {
                let reason = "torch is not importable in \(path): " + UntrustedText.escaped(object["torchError"]?.string ?? "no torch")
                facts.torch = .unknown(reason)
                facts.torchCUDA = .unknown(reason)
                facts.cudaAvailable = .unknown(reason)
                facts.gpusVisible = .unknown(reason)
            }
        } else {
            facts.set(unknown: "\(python) printed no JSON line")
        }
        let found = facts
        return FactsUpdate { $0.python = found }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        let path = path
        return FactsUpdate { facts in
            var python = PythonFacts()
            python.path = path
            python.set(unknown: reason)
            facts.python = python
        }
    }
}

extension PythonFacts {
    mutating func set(unknown reason: String) {
        interpreter = .unknown(reason)
        torch = .unknown(reason)
        torchCUDA = .unknown(reason)
        cudaAvailable = .unknown(reason)
        gpusVisible = .unknown(reason)
    }
}
