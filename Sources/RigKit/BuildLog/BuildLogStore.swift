import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigAudit
import RigPlan
import RigSpec

/// Writes build logs into the repository: the Markdown entry (never over an older one) and the
/// refreshed `facts.json` beside it, both atomically through `System`.
package struct BuildLogStore: Sendable {
    package var repository: String
    package var system: any System

    package init(repository: String, system: any System) {
        self.repository = repository
        self.system = system
    }

    /// Writes the entry and the facts; returns the entry's path. Two runs in the same second get
    /// `-2`, `-3`… rather than one replacing the other.
    package func write(_ entry: BuildLogEntry, facts: Facts?) throws(SystemError) -> String {
        let relative = entry.relativePath
        let stem = String(relative.dropLast(".md".count))
        var path = join(relative)
        var counter = 2
        while system.fileExists(path) {
            path = join("\(stem)-\(counter).md")
            counter += 1
        }
        try system.writeText(path, BuildLogMarkdown.render(entry))
        if let facts {
            let data: Data
            do {
                data = try facts.jsonData()
            } catch {
                throw .other(path: RecordedFacts.path(repository: repository, machine: entry.machine.name), reason: "cannot encode the facts: \(error)")
            }
            try system.writeFile(RecordedFacts.path(repository: repository, machine: entry.machine.name), data, mode: 0o644)
        }
        return path
    }

    /// `abc1234`, or `abc1234 (uncommitted changes in machines/)`; nil outside a Git checkout.
    package func specCommit() async -> String? {
        let head = await system.run(["git", "-C", repository, "rev-parse", "--short", "HEAD"], input: nil, timeout: .seconds(10))
        guard head.succeeded else { return nil }
        let commit = head.output.trimmed(.whitespacesAndNewlines)
        let status = await system.run(["git", "-C", repository, "status", "--porcelain", "--", "machines"], input: nil, timeout: .seconds(10))
        let dirty = status.succeeded && !status.output.trimmed(.whitespacesAndNewlines).isEmpty
        return dirty ? "\(commit) (uncommitted changes in machines/)" : commit
    }

    private func join(_ relative: String) -> String {
        repository == "." ? relative : (repository.hasSuffix("/") ? repository + relative : repository + "/" + relative)
    }
}
