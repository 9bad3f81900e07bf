import Foundation
import RigSpec
import Testing
@testable import RigKit

@Suite struct PlaybookSyncCheckTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func specs() throws -> [MachineSpec] {
        let loaded = SpecLoader().loadAll(try SpecLoader.machineFiles(in: repo + "/machines"))
        try #require(loaded.diagnostics.isEmpty)
        return loaded.specs
    }

    @Test func committedPlaybooksAreInSync() throws {
        let findings = PlaybookSyncCheck.findings(try Self.specs(), repository: Self.repo, system: LiveSystem())
        #expect(findings.map(\.status) == [.ok])
    }

    @Test func aStaleOrMissingPlaybookIsDrift() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-sync-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: Self.repo + "/playbooks", toPath: copy + "/playbooks")
        try "# edited by hand\n".write(toFile: copy + "/playbooks/site.yml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: copy + "/playbooks/big-rig.yml")
        let findings = PlaybookSyncCheck.findings(try Self.specs(), repository: copy, system: LiveSystem())
        #expect(findings.map(\.status) == [.drift, .drift])
        #expect(findings.map(\.actual) == ["missing: \(copy)/playbooks/big-rig.yml", "stale: \(copy)/playbooks/site.yml"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }
}
