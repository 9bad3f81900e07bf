import RigSpec
import RigSystem
import RigProbe

/// MLX from PyPI (`python.packages: [mlx]`) runs where its wheels exist. MLX's install guide
/// (ml-explore.github.io/mlx/build/html/install.html, "Python Installation"): `pip install mlx` needs
/// "an M series chip (Apple silicon)", "a native Python >= 3.10" and "macOS >= 14.0"; on Linux the
/// packages are `mlx[cuda12]`, `mlx[cuda13]` or `mlx[cpu]`. So: on macos the release must be 14 or newer
/// and Python 3.10 or newer; on Linux a plain `mlx` has no wheel.
package struct MLXPlatform: CompatibilityRule {
    package let id = "mlx-platform"
    package let summary = "MLX is installed where its wheels exist (Apple silicon, macOS 14+, Python 3.10+; on Linux with an extra)"

    static let minimumMacOS = 14
    static let minimumPython = (3, 10)
    static let linuxExtras: Set<String> = ["cuda12", "cuda13", "cpu", "cuda"]

    package init() {}

    package func check(_ spec: MachineSpec) -> [Finding] {
        guard let python = spec.python else { return [] }
        var found: [Finding] = []
        for (index, requirement) in python.packages.enumerated() {
            guard Self.mayName(requirement), let (name, extras) = Self.nameAndExtras(requirement), name == "mlx" else { continue }
            let key: SpecKeyPath = "python.packages[\(index)]"
            switch spec.os.profile.platform {
            case .macOS:
                let major = spec.os.release.split(separator: ".").first.flatMap { Int($0) } ?? 0
                if major < Self.minimumMacOS {
                    found.append(Finding(spec: spec, keyPath: "os.release", expected: ">=\(Self.minimumMacOS)", actual: spec.os.release,
                                         status: .incompatible, severity: .error,
                                         message: "MLX needs macOS 14.0 or newer (MLX install guide); the spec names macOS \(spec.os.release)", rule: id))
                }
                let version = python.version.split(separator: ".").compactMap { Int($0) }
                if version.count >= 2, (version[0], version[1]) < Self.minimumPython {
                    found.append(Finding(spec: spec, keyPath: "python.version", expected: ">=3.10", actual: python.version,
                                         status: .incompatible, severity: .error,
                                         message: "MLX needs Python 3.10 or newer (MLX install guide); the spec names \(python.version)", rule: id))
                }
            case .linux:
                if extras.isDisjoint(with: Self.linuxExtras) {
                    found.append(Finding(spec: spec, keyPath: key, expected: "mlx[cuda12] or mlx[cpu]", actual: requirement,
                                         status: .incompatible, severity: .error,
                                         message: "plain mlx wheels exist only for Apple silicon Macs (MLX install guide); on \(spec.os.distro.rawValue) write mlx[cuda12] (NVIDIA, driver 550.54.14+) or mlx[cpu]",
                                         rule: id))
                }
            }
        }
        return found
    }

    /// Whether `requirement` can name mlx: an ASCII one only if it starts with m, l, x in either case
    /// (PEP 503 normalizing keeps letters); nearly every package is ruled out without `nameAndExtras`.
    static func mayName(_ requirement: String) -> Bool {
        let bytes = requirement.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        return bytes.count >= 3 && bytes.prefix(3).map { $0 | 0x20 }.elementsEqual("mlx".utf8)
    }

    /// `mlx[cuda12]>=0.25` → ("mlx", ["cuda12"]), names compared as PEP 503 normalizes them.
    static func nameAndExtras(_ requirement: String) -> (String, Set<String>)? {
        let nameEnd = requirement.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? requirement.endIndex
        let name = requirement[..<nameEnd].lowercased().replacing("_", with: "-").replacing(".", with: "-")
        guard !name.isEmpty else { return nil }
        var extras: Set<String> = []
        let rest = requirement[nameEnd...]
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            extras = Set(rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.lowercased() })
        }
        return (name, extras)
    }
}
