import RigSpec
import RigSystem
import RigProbe

/// `packages.apt`: each package installed (dpkg status `installed`), at the pinned version when
/// the spec pins one (`tmux=3.2a-4`). One finding per listed package, keyed `packages.apt[i]`.
/// On a Mac, `packages.brew` and `packages.casks` the same way against `brew list` (no pins: a
/// Brewfile installs the current version).
package struct PackagesCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> {
        spec.packages.apt.isEmpty && spec.packages.brew.isEmpty && spec.packages.casks.isEmpty ? [] : [.packages]
    }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        homebrew("packages.brew", spec.packages.brew, facts.packages, kind: "formula", context)
            + homebrew("packages.casks", spec.packages.casks, facts.casks, kind: "cask", context)
            + apt(spec, facts, context)
    }

    private func homebrew(_ key: String, _ names: [String], _ fact: Fact<[PackageFacts]>?, kind: String, _ context: AuditContext) -> [Finding] {
        guard !names.isEmpty, let fact else { return [] }
        switch fact {
        case .unknown(let reason):
            return names.enumerated().map { context.unknown("\(key)[\($0.offset)]", expected: $0.element, what: "\(kind) \($0.element)", reason: reason) }
        case .value(let list):
            // brew list names a tapped formula by its short name.
            let installed = Dictionary(list.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
            return names.enumerated().map { index, name in
                let keyPath = SpecKeyPath("\(key)[\(index)]")
                let short = String(name.split(separator: "/").last ?? Substring(name))
                guard let version = installed[short] else { return context.missing(keyPath, expected: name, "\(kind) \(name) is not installed") }
                return context.ok(keyPath, expected: name, actual: "\(short) \(version)", "\(kind) \(name) \(version) is installed")
            }
        }
    }

    private func apt(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard !spec.packages.apt.isEmpty, let packages = facts.packages else { return [] }
        let installed: [String: String]
        switch packages {
        case .unknown(let reason):
            return spec.packages.apt.enumerated().map {
                context.unknown("packages.apt[\($0.offset)]", expected: $0.element.text, what: "package \($0.element.name)", reason: reason)
            }
        case .value(let list):
            installed = Dictionary(list.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
        }
        return spec.packages.apt.enumerated().map { index, package in
            let key: SpecKeyPath = "packages.apt[\(index)]"
            guard let version = installed[package.name] else {
                return context.missing(key, expected: package.text, "package \(package.name) is not installed")
            }
            let actual = "\(package.name)=\(version)"
            if let pinned = package.version, pinned != version {
                return context.drift(key, expected: package.text, actual: actual,
                                     "package \(package.name) is at \(version), the spec pins \(pinned)")
            }
            return context.ok(key, expected: package.text, actual: actual, "package \(package.name) \(version) is installed")
        }
    }
}
