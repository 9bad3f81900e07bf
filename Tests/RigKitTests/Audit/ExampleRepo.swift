import Foundation
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// A throwaway copy of the repository's machines/, playbooks/ and build-logs/<m>/facts.json (and, when asked,
/// a recorded host), so a test can change one thing and audit it.
struct ExampleRepo {
    let root: URL

    init(withHosts hosts: [String] = []) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-audit-\(UUID())")
        let files = FileManager.default
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        try files.copyItem(atPath: AuditSamples.repository + "/machines", toPath: root.path + "/machines")
        try files.copyItem(atPath: AuditSamples.repository + "/playbooks", toPath: root.path + "/playbooks")
        for machine in ["compute-node", "workstation", "big-rig"] {
            try files.createDirectory(at: root.appendingPathComponent("build-logs/\(machine)"), withIntermediateDirectories: true)
            try files.copyItem(atPath: AuditSamples.repository + "/build-logs/\(machine)/facts.json", toPath: root.path + "/build-logs/\(machine)/facts.json")
        }
        for machine in hosts {
            try files.copyItem(atPath: AuditSamples.repository + "/build-logs/\(machine)/recorded-host", toPath: host(machine))
        }
    }

    var path: String { root.path }

    func host(_ machine: String) -> String { root.path + "/build-logs/\(machine)/recorded-host" }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Replaces text in a file of the copy; fails when `old` is not there (the edit would prove nothing).
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let file = root.appendingPathComponent(relative)
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains(old) else { throw EditError(file: relative, missing: old) }
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Rewrites a machine's recorded facts.
    func editFacts(_ machine: String, _ change: (inout Facts) -> Void) throws {
        let file = root.path + "/build-logs/\(machine)/facts.json"
        var facts = try Facts.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        change(&facts)
        try facts.jsonData().write(to: URL(fileURLWithPath: file))
    }

    struct EditError: Error, CustomStringConvertible {
        var file: String
        var missing: String
        var description: String { "\(file) does not contain \(missing)" }
    }
}
