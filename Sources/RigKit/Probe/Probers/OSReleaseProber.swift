import RigSpec
import RigSystem
/// Distro id, version and pretty name from `/etc/os-release` (or `/usr/lib/os-release`).
package struct OSReleaseProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.os] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let text: String
        switch system.readTextResult("/etc/os-release") {
        case .success(let found): text = found
        case .failure(let error):
            guard let fallback = try? system.readText("/usr/lib/os-release") else { return unavailable(error.description) }
            text = fallback
        }
        let release = OSRelease.parse(text)
        return FactsUpdate { facts in
            facts.os?.id = Fact(release.id, else: "os-release has no ID")
            facts.os?.version = Fact(release.versionID, else: "os-release has no VERSION_ID")
            facts.os?.prettyName = Fact(release.prettyName, else: "os-release has no PRETTY_NAME")
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.os?.id = .unknown(reason)
            facts.os?.version = .unknown(reason)
            facts.os?.prettyName = .unknown(reason)
        }
    }
}
