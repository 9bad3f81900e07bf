import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigAudit
import RigPlan
import RigSpec

/// Reads a machine's build logs back: the list for `rigctl log`, and the BIOS items a
/// person confirmed, which the audit counts as satisfied.
package enum BuildLogHistory {
    package struct Summary: Sendable, Equatable {
        package var file: String
        package var kind: String
        package var time: String
        package var result: String
    }

    /// The build logs of `machine` under `repo`, oldest first (file names sort by time).
    package static func list(machine: String, repo: String, system: System) -> [Summary] {
        let directory = repo == "." ? "build-logs/\(machine)" : "\(repo)/build-logs/\(machine)"
        guard let names = try? system.listDirectory(directory) else { return [] }
        return chronological(names).compactMap { name in
            guard let text = try? system.readText("\(directory)/\(name)") else { return nil }
            return summary(of: text, file: "\(directory)/\(name)")
        }
    }

    /// The `.md` names oldest first: by their timestamp, then by the `-2`, `-3`… that
    /// `BuildLogStore` adds to a second log of the same second (plain text order would put it first).
    static func chronological(_ names: [String]) -> [String] {
        func key(_ name: String) -> (String, Int, String) {
            let stem = name.dropLast(".md".count)
            let stamp = String(stem.prefix { $0 != "-" })
            if let dash = stem.lastIndex(of: "-"), let counter = Int(stem[stem.index(after: dash)...]) {
                return (stamp, counter, String(stem[..<dash]))
            }
            return (stamp, 1, String(stem))
        }
        // Only build logs (`20261122T171500Z-apply.md`), not notes such as SOURCE.md beside them.
        let logs = names.filter { $0.hasSuffix(".md") && $0.prefixMatch(of: /[0-9]{8}T[0-9]{6}Z-/) != nil }
        return logs.sorted { key($0) < key($1) }
    }

    static func summary(of markdown: String, file: String) -> Summary? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let title = lines.first, title.hasPrefix("# ") else { return nil }
        // "# compute-node: apply 2026-11-22T17:15:00Z"
        let words = title.split(separator: " ")
        guard words.count >= 4 else { return nil }
        let result = lines.first { $0.hasPrefix("| result | ") }
            .map { $0.dropFirst("| result | ".count).replacingEvery("*", with: "").replacingEvery(" |", with: "") } ?? "?"
        return Summary(file: file, kind: String(words[2]), time: String(words[3]), result: result.trimmed(.whitespaces))
    }

    /// Spec keys (`bios.settings.xmp`) whose current spec value a person confirmed in the
    /// newest build log that lists it. A confirmation of another value does not count.
    package static func confirmations(for spec: MachineSpec, repo: String, system: System) -> Set<SpecKeyPath> {
        // Only BIOS settings are confirmed by hand: without any, no log needs reading.
        guard let settings = spec.bios?.settings, !settings.isEmpty else { return [] }
        let directory = "\(repo)/build-logs/\(spec.name)"
        guard let names = try? system.listDirectory(directory) else { return [] }
        var latest: [String: (value: String, confirmed: Bool)] = [:]
        for name in chronological(names) {
            guard let text = try? system.readText("\(directory)/\(name)") else { continue }
            for item in checklist(in: text) { latest[item.setting] = (item.value, item.confirmed) }
        }
        var keys: Set<SpecKeyPath> = []
        for setting in settings {
            if let seen = latest[setting.name], seen.confirmed, seen.value == setting.value {
                keys.insert("bios.settings.\(setting.name)")
            }
        }
        return keys
    }

    /// `- [x] `xmp: profile-1` — confirmed` lines of a build log.
    static func checklist(in markdown: String) -> [(setting: String, value: String, confirmed: Bool)] {
        var items: [(String, String, Bool)] = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("- [") {
            let confirmed = line.hasPrefix("- [x] ")
            guard let open = line.firstIndex(of: "`") else { continue }
            let rest = line[line.index(after: open)...]
            guard let close = rest.firstIndex(of: "`") else { continue }
            let pair = rest[..<close]
            guard let colon = pair.firstRange(of: ": ") else { continue }
            items.append((String(pair[..<colon.lowerBound]), String(pair[colon.upperBound...]), confirmed))
        }
        return items
    }
}
