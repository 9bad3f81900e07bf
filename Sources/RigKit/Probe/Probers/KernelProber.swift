import RigSpec
import RigSystem
/// Kernel release from `/proc/sys/kernel/osrelease`; architecture from `/proc/sys/kernel/arch`
/// (Linux ≥ 6.1), else `uname -m`.
package struct KernelProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.os] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let kernel: Fact<String>
        switch system.readTextResult("/proc/sys/kernel/osrelease") {
        case .success(let text): kernel = .value(text.trimmed)
        case .failure(let error): kernel = .unknown(error.description)
        }
        let architecture: Fact<String>
        if let arch = try? system.readText("/proc/sys/kernel/arch"), !arch.trimmed.isEmpty {
            architecture = .value(arch.trimmed)
        } else {
            let result = await system.run(["uname", "-m"], timeout: timeout)
            architecture = result.failureReason(program: "uname").map(Fact.unknown) ?? Fact(result.output.trimmed.nonEmpty, else: "uname -m printed nothing")
        }
        return FactsUpdate { facts in
            facts.os?.kernel = kernel
            facts.os?.architecture = architecture
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.os?.kernel = .unknown(reason)
            facts.os?.architecture = .unknown(reason)
        }
    }
}

extension String {
    /// Nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
