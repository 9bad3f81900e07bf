import RigSpec
import RigSystem
/// CUDA toolkits under `/usr/local` (`cuda-X.Y/version.json`, `version.txt` before 11.1, else the
/// directory name) and
/// the nvcc on PATH (else `/usr/local/cuda/bin/nvcc`). The driver's CUDA version comes from nvidia-smi.
package struct CUDAProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.cuda] }
    package var runsCommands: Bool { true }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let toolkits = Self.toolkits(system)
        var result = await system.run(["nvcc", "--version"], timeout: timeout)
        if result.outcome == .notFound, system.fileExists("/usr/local/cuda/bin/nvcc") {
            result = await system.run(["/usr/local/cuda/bin/nvcc", "--version"], timeout: timeout)
        }
        let nvcc: Fact<String> = result.failureReason(program: "nvcc").map(Fact.unknown)
            ?? Fact(NvccVersion.parse(result.output)?.version, else: "nvcc --version printed no release line")
        return FactsUpdate { facts in
            facts.cuda?.toolkits = toolkits
            facts.cuda?.nvcc = nvcc
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.cuda?.toolkits = .unknown(reason)
            facts.cuda?.nvcc = .unknown(reason)
        }
    }

    static func toolkits(_ system: any System) -> Fact<[CUDAToolkitFacts]> {
        let names: [String]
        do { names = try system.listDirectory("/usr/local") } catch { return .unknown(error.description) }
        let versioned = names.filter { name in
            guard name.hasPrefix("cuda-") else { return false }
            // `cuda-13` is the installer's alias of `cuda-13.0`: keep the full one.
            return name.contains(".") || !names.contains { $0.hasPrefix(name + ".") }
        }
        let candidates = versioned.isEmpty ? names.filter { $0 == "cuda" } : versioned
        var found: [CUDAToolkitFacts] = []
        for name in candidates {
            let path = "/usr/local/\(name)"
            if let data = try? system.readFile(path + "/version.json"), let parsed = CUDAVersionJSON.parse(data) {
                found.append(CUDAToolkitFacts(path: path, version: parsed.version))
            } else if let text = try? system.readText(path + "/version.txt"), let parsed = CUDAVersionJSON.parseText(text) {
                found.append(CUDAToolkitFacts(path: path, version: parsed.version))
            } else if name.hasPrefix("cuda-") {
                // Some toolkits (13.0 on Ubuntu 24.04) ship neither file: the directory name says it.
                found.append(CUDAToolkitFacts(path: path, version: String(name.dropFirst("cuda-".count))))
            }
        }
        return .value(found.sorted { $0.path < $1.path })
    }
}
