import Foundation
import RigSpec
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct PlaybookSyncCheckTests {
    static let repo = AuditSamples.repository

    static func verdict(_ root: String) -> (SpecVerdict, Repository) {
        let repository = Repository(root: root, system: ReadOnlySystem(LiveSystem()))
        return (Pipeline(repository: repository).verdict(), repository)
    }

    @Test func committedPlaybooksAreInSync() throws {
        let (verdict, repository) = Self.verdict(Self.repo)
        #expect(PlaybookSyncCheck.findings(verdict, repository: repository).map(\.status) == [.ok])
    }

    @Test func aStaleOrMissingPlaybookIsDrift() throws {
        let copy = try ExampleRepo(withHosts: [])
        defer { copy.remove() }
        try "# edited by hand\n".write(toFile: copy.path + "/playbooks/site.yml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: copy.path + "/playbooks/big-rig.yml")
        let (verdict, repository) = Self.verdict(copy.path)
        let findings = PlaybookSyncCheck.findings(verdict, repository: repository)
        #expect(findings.map(\.status) == [.drift, .drift])
        #expect(findings.map(\.actual) == ["missing: playbooks/big-rig.yml", "stale: playbooks/site.yml"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func anInvalidSpecsPlaybookIsNotCheckedNotStale() throws {
        let copy = try ExampleRepo(withHosts: [])
        defer { copy.remove() }
        try copy.edit("machines/compute-node.yaml", "hostname: compute-node", "hostname: [compute-node]")
        let (verdict, repository) = Self.verdict(copy.path)
        #expect(verdict.invalidMachines == ["compute-node"])
        let findings = PlaybookSyncCheck.findings(verdict, repository: repository)
        #expect(findings.filter { $0.severity == .error }.isEmpty)
        #expect(findings.map(\.message) == ["playbooks/.ansible-lint, playbooks/compute-node.yml, playbooks/inventory.yml, playbooks/site.yml: not checked: generated only once every spec is valid"])
    }
}
