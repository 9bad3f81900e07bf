import RigSpec

/// The audit's "playbooks in sync" check: `playbooks/` must be what `rigctl generate` would
/// write from `machines/` right now.
public enum PlaybookSyncCheck {
    public static func findings(_ specs: [MachineSpec], repository: String, system: any System) -> [Finding] {
        let directory = repository == "." ? "playbooks" : "\(repository)/playbooks"
        let report: PlaybookSyncReport
        do {
            report = try PlaybookGenerator().check(specs, in: directory, system: system)
        } catch {
            return [Finding(machine: "playbooks", keyPath: "playbooks", status: .unknown, severity: .error,
                            message: "cannot read \(directory): \(error.reason)")]
        }
        let differences = report.lines(directory: directory)
        guard !differences.isEmpty else {
            return [Finding(machine: "playbooks", keyPath: "playbooks", status: .ok, severity: .info,
                            message: "\(directory) matches machines/")]
        }
        return differences.map {
            Finding(machine: "playbooks", keyPath: "playbooks", expected: "generated from machines/", actual: $0,
                    status: .drift, severity: .error, message: "\($0): run `rigctl generate` and commit the result")
        }
    }
}
