import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// The audit's "playbooks in sync" check: `playbooks/` must be what `rigctl generate` would
/// write from `machines/` right now. A spec that cannot be used has no playbook to compare: it is
/// reported once, by its diagnostic, and its playbook here only as not checked.
package enum PlaybookSyncCheck {
    /// The report section these findings go under (it is not a machine).
    package static let section = "playbooks"

    package static func findings(_ verdict: SpecVerdict, repository: Repository) -> [Finding] {
        let directory = repository.playbooksDirectory
        let shown = repository.relative(directory)
        let report: PlaybookSyncReport
        do {
            report = try PlaybookGenerator(themeFiles: verdict).check(verdict.specs, in: directory, system: repository.system)
        } catch {
            return [finding(status: .unknown, severity: .error, message: "cannot read \(shown): \(error.reason)")]
        }
        if !verdict.invalidMachines.isEmpty {
            // Generated from every machine, these cannot be checked while one spec is invalid.
            let notChecked = (verdict.invalidMachines.map { "\($0).yml" } + PlaybookGenerator.sharedFiles).sorted()
            let skipped = Set(notChecked)
            let others = PlaybookSyncReport(missing: report.missing.filter { !skipped.contains($0) },
                                            stale: report.stale.filter { !skipped.contains($0) },
                                            extra: report.extra.filter { !skipped.contains($0) })
            return differences(others, shown: shown, clean: nil)
                + [finding(status: .unknown, severity: .info,
                           message: "\(notChecked.map { "\(shown)/\($0)" }.joined(separator: ", ")): not checked: generated only once every spec is valid")]
        }
        return differences(report, shown: shown, clean: "\(shown) matches machines/")
    }

    private static func differences(_ report: PlaybookSyncReport, shown: String, clean: String?) -> [Finding] {
        let lines = report.lines(directory: shown)
        guard !lines.isEmpty else { return clean.map { [finding(status: .ok, severity: .info, message: $0)] } ?? [] }
        return lines.map {
            Finding(machine: section, keyPath: SpecKeyPath(section), expected: "generated from machines/", actual: $0,
                    status: .drift, severity: .error, message: "\($0): run `rigctl generate` and commit the result")
        }
    }

    private static func finding(status: Finding.Status, severity: Finding.Severity, message: String) -> Finding {
        Finding(machine: section, keyPath: SpecKeyPath(section), status: status, severity: severity, message: message)
    }
}

extension PlaybookGenerator {
    /// A generator that takes each machine's theme files from its verdict (rendered once, when the
    /// machine's playbook is planned: on all cores).
    package init(themeFiles verdict: SpecVerdict) {
        let machines = Dictionary(verdict.machines.map { ($0.spec.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(dotfiles: { machines[$0.name]?.themeFiles ?? [] })
    }
}
