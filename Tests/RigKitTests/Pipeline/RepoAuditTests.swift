import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct RepoAuditTests {
    @Test func committedExamplesPass() {
        let report = RepoAudit(pipeline: AuditSamples.pipeline(AuditSamples.repository), checksPlaybooks: false).run()
        #expect(report.diagnostics.isEmpty)
        #expect(report.machines == ["big-rig", "compute-node", "dgx-spark", "instinct-node", "mac-studio", "rented-h100", "rocm-desktop", "workstation"])
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
        // The warnings: the two unconfirmed XMP checklist items, and what the two newest recordings
        // cannot answer: they were made before the driver-health and Python probes existed (the real
        // H100 recording, and the DGX Spark host assembled from it), so those facts are unknown. The Mac
        // Studio has none: its facts come from sw_vers, sysctl, system_profiler and brew.
        let driverHealth: [SpecKeyPath] = ["drivers.nvidia.nouveau", "drivers.nvidia.secure-boot", "drivers.nvidia.user-space", "drivers.cuda.default"]
        let python: [SpecKeyPath] = ["python.version", "python.torch", "python.torch.version", "python.torch.cuda"]
        let warnings = Dictionary(grouping: report.findings.filter { $0.severity == .warning }, by: \.machine).mapValues { $0.map(\.keyPath) }
        #expect(warnings == ["compute-node": ["bios.settings.xmp"], "workstation": ["bios.settings.xmp"],
                             "rented-h100": driverHealth, "dgx-spark": driverHealth + python])
        #expect(report.findings.filter { $0.severity == .warning && $0.machine == "rented-h100" }.allSatisfy { $0.status == .unknown })
        #expect(report.exitCode(strict: false) == .clean)
        #expect(report.exitCode(strict: true) == .findings)
        #expect(report.files["compute-node"] == "machines/compute-node.yaml")
    }

    @Test func everyRuleAppearsPerMachine() throws {
        let report = RepoAudit(pipeline: AuditSamples.pipeline(AuditSamples.repository), checksPlaybooks: false).run()
        let rules = report.findings(for: "big-rig").compactMap(\.rule)
        #expect(Set(rules) == Set(SpecValidator.standardRules.map(\.id)))
    }

    @Test func driverBumpedIsDrift() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        // A whole new driver, rebooted into: module and user space agree.
        try repo.editFacts("compute-node") {
            $0.nvidiaDriver?.version = .value("575.64.03")
            $0.driverHealth?.userSpaceVersion = .value("575.64.03")
        }
        let report = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run()
        let finding = try #require(report.findings.first { $0.status != .ok && $0.severity == .error })
        #expect(finding.machine == "compute-node")
        #expect(finding.keyPath == "drivers.nvidia.version")
        #expect(finding.status == .drift)
        #expect(finding.message == "the loaded NVIDIA driver is 575.64.03, the spec wants branch 570")
        #expect(finding.location == SourceLocation(file: "machines/compute-node.yaml", line: 26, column: 13))
        #expect(report.findings.filter { $0.severity == .error }.count == 1)
        #expect(report.exitCode(strict: false) == .findings)
    }

    @Test func aGPUMissingFromTheBigRig() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try repo.editFacts("big-rig") { facts in facts.gpus = facts.gpus.map { $0.map { Array($0.dropFirst()) } } }
        let errors = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run().findings.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["parts.gpus[0].model"])
        #expect(errors.first?.status == .missing)
        #expect(errors.first?.message == "1 NVIDIA GeForce RTX 3090 missing: the spec wants 5, found 4 at 0000:21:00.0, 0000:41:00.0, 0000:61:00.0, 0000:81:00.0")
    }

    @Test func aDIMMGone() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try repo.editFacts("compute-node") { facts in
            let dimms = facts.memory?.dimms.map { Array($0.dropLast()) }
            facts.memory?.dimms = dimms ?? .unknown("none recorded")
        }
        let errors = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run().findings.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["parts.memory.size", "parts.memory.modules"])
        #expect(errors.first?.message == "installed memory is 24 GiB in 3 modules, the spec wants 32 GiB")
    }

    @Test func cudaTooOldForTheRTX5070Ti() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try repo.edit("machines/workstation.yaml", "cuda: \"12.8\"", "cuda: \"12.4\"")
        let report = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run()
        let workstation = report.findings(for: "workstation")
        let incompatible = try #require(workstation.first { $0.rule == "gpu-min-cuda" })
        #expect(incompatible.status == .incompatible)
        #expect(incompatible.severity == .error)
        #expect(incompatible.keyPath == "drivers.cuda")
        #expect(incompatible.location?.file == "machines/workstation.yaml")
        // the recorded 12.8 toolkit no longer matches the spec either
        #expect(workstation.first { $0.keyPath == "drivers.cuda" && $0.rule == nil }?.status == .drift)
        #expect(report.exitCode(strict: false) == .findings)
    }

    @Test func psuTooSmallForTheBigRig() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try repo.edit("machines/big-rig.yaml", """
          psu:
            - { model: Corsair AX1600i, power: 1600 W }
            - { model: Corsair AX1600i, power: 1600 W }
        """, """
          psu: { model: Corsair RM850x, power: 850 W }
        """)
        let report = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run()
        let power = try #require(report.findings(for: "big-rig").first { $0.rule == "power-budget" })
        #expect(power.status == .incompatible)
        #expect(power.keyPath == "parts.psu")
        #expect(power.actual == "850 W")
        #expect(report.exitCode(strict: false) == .findings)
    }

    @Test func missingFactsAreAWarning() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try FileManager.default.removeItem(atPath: repo.path + "/build-logs/big-rig/facts.json")
        let report = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run()
        let finding = try #require(report.findings.first { $0.keyPath == "build-logs/big-rig/facts.json" })
        #expect(finding.severity == .warning)
        #expect(finding.message == "no recorded facts (build-logs/big-rig/facts.json): run `rigctl snapshot big-rig` on the machine and commit the file")
        #expect(report.findings(for: "big-rig").allSatisfy { $0.rule != nil || $0.keyPath.rawValue.hasPrefix("build-logs") })
    }

    @Test func invalidSpecAndMalformedFactsExitTwo() throws {
        let repo = try ExampleRepo()
        defer { repo.remove() }
        try repo.edit("machines/big-rig.yaml", "hostname: big-rig", "hostname: big_rig")
        try "{\"format\": 1, \"hostname\": 3}".write(toFile: repo.path + "/build-logs/compute-node/facts.json", atomically: true, encoding: .utf8)
        let report = RepoAudit(pipeline: AuditSamples.pipeline(repo.path), checksPlaybooks: false).run()
        #expect(report.exitCode(strict: false) == .badInput)
        #expect(report.diagnostics.map(\.location.file) == ["build-logs/compute-node/facts.json", "machines/big-rig.yaml"])
        #expect(report.diagnostics[0].message.hasPrefix("build-logs/compute-node/facts.json: not a facts file"))
        #expect(report.machines == ["compute-node", "dgx-spark", "instinct-node", "mac-studio", "rented-h100", "rocm-desktop", "workstation"])
    }

    @Test func noMachinesIsBadInput() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-empty-\(UUID())").path
        let report = RepoAudit(pipeline: AuditSamples.pipeline(empty), checksPlaybooks: false).run()
        #expect(report.exitCode(strict: false) == .badInput)
        #expect(report.diagnostics.first?.message == "cannot list \(empty)/machines: not found")
    }

    @Test func playbooksAreASectionNotAMachine() {
        let report = RepoAudit(pipeline: AuditSamples.pipeline(AuditSamples.repository, system: ReadOnlySystem(LiveSystem()))).run()
        #expect(report.machines == ["big-rig", "compute-node", "dgx-spark", "instinct-node", "mac-studio", "rented-h100", "rocm-desktop", "workstation"])
        #expect(report.sections.last == "playbooks")
        #expect(report.findings(for: "playbooks").map(\.status) == [.ok])
        #expect(TextReport.summary(report, strict: false).hasPrefix("8 machines: "))
    }

    @Test func liveAuditComparesOnlyThatMachine() {
        let report = RepoAudit(pipeline: AuditSamples.pipeline(AuditSamples.repository), checksPlaybooks: false).run(live: ("compute-node", AuditSamples.computeNodeFacts()))
        #expect(report.findings(for: "big-rig").allSatisfy { $0.rule != nil })
        #expect(report.findings(for: "compute-node").contains { $0.keyPath == "drivers.nvidia.version" && $0.status == .ok })
    }
}
