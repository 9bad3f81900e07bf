import Foundation
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

@Suite struct PlaybookGeneratorTests {
    let generator = PlaybookGenerator()
    let system = LiveSystem()

    @Test func generatesOnePlaybookPerMachineSiteAndInventory() {
        #expect(generator.files(for: PlanExamples.all).map(\.path)
            == [".ansible-lint", "big-rig.yml", "compute-node.yml", "inventory.yml", "library/rigctl_jsonc_settings.py", "site.yml",
                "workstation.yml"])
    }

    @Test func checkReportsMissingStaleAndExtraFiles() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: system).missing.count == 7)

        let written = try generator.write(PlanExamples.all, to: directory.path, system: system)
        #expect(written.written.count == 7)
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: system).isInSync)
        #expect(try generator.write(PlanExamples.all, to: directory.path, system: system).written.isEmpty)

        try "changed by hand\n".write(to: directory.appendingPathComponent("big-rig.yml"), atomically: true, encoding: .utf8)
        try "# mine\n---\n[]\n".write(to: directory.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("site.yml"))
        let report = try generator.check(PlanExamples.all, in: directory.path, system: system)
        #expect(report == PlaybookSyncReport(missing: ["site.yml"], stale: ["big-rig.yml"], extra: ["mine.yml"]))
        #expect(report.lines(directory: "playbooks") == ["missing: playbooks/site.yml", "stale: playbooks/big-rig.yml", "extra: playbooks/mine.yml"])
    }

    /// The check compares bytes: one byte changed at the same length, or one byte missing, is stale;
    /// a generated path that cannot be read (a directory there) is an error, not a difference.
    @Test func checkComparesEveryByteAndThrowsOnAFileItCannotRead() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try generator.write(PlanExamples.all, to: directory.path, system: system)
        let bigRig = directory.appendingPathComponent("big-rig.yml")
        var bytes = try Data(contentsOf: bigRig)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: bigRig)
        let computeNode = directory.appendingPathComponent("compute-node.yml")
        try Data(contentsOf: computeNode).dropLast().write(to: computeNode)
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: system).stale == ["big-rig.yml", "compute-node.yml"])

        let site = directory.appendingPathComponent("site.yml")
        try FileManager.default.removeItem(at: site)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: false)
        #expect(throws: SystemError.self) { try generator.check(PlanExamples.all, in: directory.path, system: system) }
    }

    @Test func writeRemovesPlaybooksOfMachinesThatAreGoneButKeepsForeignFiles() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try generator.write(PlanExamples.all, to: directory.path, system: system)
        try "# mine\n---\n[]\n".write(to: directory.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)

        let result = try generator.write([PlanExamples.computeNode, PlanExamples.workstation], to: directory.path, system: system)
        #expect(result.removed == ["big-rig.yml"])
        #expect(result.foreign == ["mine.yml"])
        #expect(result.written == ["inventory.yml", "site.yml"])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("mine.yml").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("big-rig.yml").path))
    }

    @Test func dotfilesComeFromTheThemeRendererByDefault() throws {
        let themed = try #require(PlaybookGenerator().files(for: [PlanExamples.workstation]).first { $0.path == "workstation.yml" })
        #expect(themed.contents.contains("ansible.builtin.blockinfile"))
        #expect(themed.contents.contains(##"marker: "# {mark} rigctl theme {mark}""##))
        var plainSpec = PlanExamples.workstation
        plainSpec.theme = nil
        let plain = try #require(PlaybookGenerator().files(for: [plainSpec]).first { $0.path == "workstation.yml" })
        #expect(!plain.contents.contains("ansible.builtin.blockinfile"))
    }
}
