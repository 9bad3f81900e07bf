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

@Suite struct AuditTests {
    @Test func matchingHostHasOnlyOkAndTheManualXMPItem() throws {
        let spec = try AuditSamples.machine("compute-node")
        let findings = audit(spec, facts: AuditSamples.computeNodeFacts())
        let notOk = findings.filter { $0.status != .ok }
        #expect(notOk.map(\.keyPath) == ["bios.settings.xmp"], "\(notOk.map(\.message))")
        #expect(notOk.first?.status == .manual)
        #expect(FindingSummary(findings).line == "\(findings.count - 1) ok, 1 manual")
        // hostname, distro, release, cpu ×3, memory ×4, gpu ×2, storage ×3, bios version + 4 settings,
        // driver ×2, cuda, power limit, persistence, 8 packages
        #expect(findings.count == 33)
    }

    @Test func everyComparedKeyHasExactlyOneFinding() throws {
        let findings = audit(try AuditSamples.machine("compute-node"), facts: AuditSamples.computeNodeFacts())
        #expect(Set(findings.map(\.keyPath)).count == findings.count)
    }

    @Test func confirmationTurnsTheManualItemOk() throws {
        let findings = audit(try AuditSamples.machine("compute-node"), facts: AuditSamples.computeNodeFacts(),
                             confirmations: ["bios.settings.xmp"])
        let xmp = try #require(findings.one("bios.settings.xmp"))
        #expect(xmp.status == .ok)
        #expect(xmp.message == "BIOS setting xmp is profile-1 (confirmed in the build log)")
        #expect(findings.allSatisfy { $0.status == .ok })
    }

    @Test func findingsCarryTheSpecLocation() throws {
        let spec = try AuditSamples.machine("compute-node")
        var facts = AuditSamples.computeNodeFacts()
        facts.nvidiaDriver?.version = .value("575.64.03")
        let finding = try #require(audit(spec, facts: facts).one("drivers.nvidia.version"))
        #expect(finding.location?.file.hasSuffix("machines/compute-node.yaml") == true)
        #expect(finding.location?.line == 26)
        #expect(finding.machine == "compute-node")
    }

    @Test func groupsNotProbedGiveNoFindingsButManualItemsStay() throws {
        var facts = Facts()
        facts.hostname = .value("compute-node")
        let findings = audit(try AuditSamples.machine("compute-node"), facts: facts)
        #expect(findings.map(\.keyPath) == ["hostname", "bios.settings.xmp"])
        #expect(findings.map(\.status) == [.ok, .manual])
    }

    @Test func factNeedsAreWhatTheSpecNames() throws {
        let bare = try AuditSamples.spec(body: "")
        #expect(FactNeeds.groups(for: bare) == [.hostname, .os])
        let compute = try AuditSamples.machine("compute-node")
        #expect(FactNeeds.groups(for: compute) == [.hostname, .os, .cpu, .memory, .gpus, .storage, .board, .firmware, .nvidiaDriver, .cuda, .packages, .driverHealth, .python])
        let noPackages = try AuditSamples.spec(body: "bios: { settings: { secure-boot: disabled } }\n")
        #expect(FactNeeds.groups(for: noPackages) == [.hostname, .os, .firmware])
    }

    @Test func satisfiedKeyPathsIncludeParentsWhoseChildrenAllPass() throws {
        let spec = try AuditSamples.machine("compute-node")
        var facts = AuditSamples.computeNodeFacts()
        facts.packages = .value([PackageFacts(name: "git", version: "1:2.34.1-1ubuntu1")])
        let satisfied = audit(spec, facts: facts).satisfiedKeyPaths
        #expect(satisfied.contains("drivers.nvidia.version"))
        #expect(satisfied.contains("parts.gpus"))
        #expect(!satisfied.contains("packages.apt"))
        #expect(!satisfied.contains("bios.settings.xmp"))
        #expect(!satisfied.contains("bios"))
    }
}
