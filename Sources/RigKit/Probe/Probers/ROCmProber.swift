import RigText
import RigSpec
import RigSystem

/// What ROCm the machine has: the release the `rocm-core` package records in `/opt/rocm/.info/version`
/// (`6.2.4-120`: release, then AMD's build number), and the version of the loaded amdgpu module in
/// `/sys/module/amdgpu/version`, which only AMD's `amdgpu-dkms` module has (the kernel's own amdgpu
/// leaves no version file, as AMD's own ROCm-docker `add-rocm.sh` relies on when it picks a repository).
package struct ROCmProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.rocm] }

    static let versionFile = "/opt/rocm/.info/version"
    static let moduleDirectory = "/sys/module/amdgpu"

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let release: Fact<String>
        switch system.readTextResult(Self.versionFile) {
        case .success(let text):
            release = Fact(Self.release(text), else: "\(Self.versionFile) holds no release number")
        case .failure(let error):
            release = .unknown(system.fileExists(Self.versionFile) ? error.description : "no \(Self.versionFile): ROCm is not installed")
        }
        let module: Fact<String>
        if let text = try? system.readText(Self.moduleDirectory + "/version"), let version = text.trimmed.nonEmpty {
            module = .value(version)
        } else if system.fileExists(Self.moduleDirectory) {
            module = .unknown("the loaded amdgpu module has no version: it is the kernel's own, not amdgpu-dkms")
        } else {
            module = .unknown("the amdgpu module is not loaded")
        }
        return FactsUpdate { facts in
            facts.rocm?.release = release
            facts.rocm?.amdgpuModule = module
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.rocm?.release = .unknown(reason)
            facts.rocm?.amdgpuModule = .unknown(reason)
        }
    }

    /// `6.2.4-120` → `6.2.4`; `6.0.2` → `6.0.2`; anything that does not start with a version → nil.
    static func release(_ text: String) -> String? {
        let first = text.trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        return Version(String(first)).map(\.text)
    }
}
