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

@Suite struct BIOSCheckTests {
    func findings(_ settings: String, _ facts: Facts, confirmations: Set<SpecKeyPath> = []) throws -> [Finding] {
        let spec = try AuditSamples.spec(body: "bios:\n  version: \"3902\"\n  settings: { \(settings) }\n")
        return BIOSCheck().findings(spec, facts, AuditContext(spec: spec, confirmations: confirmations))
    }

    @Test func observableSettingsMatch() throws {
        var facts = AuditSamples.computeNodeFacts()
        facts.firmware?.iommu = .value(true)
        let all = try findings("virtualization: enabled, secure-boot: disabled, uefi: enabled, iommu: enabled, above-4g-decoding: enabled, resizable-bar: enabled", facts)
        #expect(all.map(\.keyPath) == ["bios.version", "bios.settings.virtualization", "bios.settings.secure-boot", "bios.settings.uefi",
                                       "bios.settings.iommu", "bios.settings.above-4g-decoding", "bios.settings.resizable-bar"])
        #expect(all.allSatisfy { $0.status == .ok })
        #expect(all.one("bios.settings.resizable-bar")?.message == "resizable BAR (BAR1 vs VRAM): BAR1 32 GiB for 24 GiB VRAM, so it is enabled")
    }

    @Test func smallBAR1MeansAbove4GDecodingOff() throws {
        var facts = AuditSamples.computeNodeFacts()
        facts.gpus = .value([AuditSamples.rtx3090(bar1: 256 * AuditSamples.mib)])
        let finding = try #require(try findings("above-4g-decoding: enabled", facts).one("bios.settings.above-4g-decoding"))
        #expect(finding.status == .drift)
        #expect(finding.message == "above-4G decoding (BAR1 size): BAR1 256 MiB, so it is not enabled; the spec wants enabled")
    }

    @Test func missingVirtualizationFlagAndSecureBootOn() throws {
        var facts = AuditSamples.computeNodeFacts()
        facts.cpu?.virtualization = .value("none")
        facts.firmware?.secureBoot = .value(true)
        let all = try findings("virtualization: enabled, secure-boot: disabled", facts)
        #expect(all.one("bios.settings.virtualization")?.message == "CPU virtualization (vmx/svm flag) is disabled (no vmx/svm flag), the spec wants enabled")
        #expect(all.one("bios.settings.secure-boot")?.message == "Secure Boot is enabled, the spec wants disabled")
    }

    @Test func otherBIOSVersionIsDrift() throws {
        var facts = AuditSamples.computeNodeFacts()
        facts.board?.biosVersion = .value("4001")
        let version = try #require(try findings("xmp: profile-1", facts).one("bios.version"))
        #expect(version.status == .drift)
        #expect(version.message == "the BIOS version is 4001, the spec wants 3902")
    }

    @Test func unobservableSettingsAreManualUntilConfirmed() throws {
        let facts = AuditSamples.computeNodeFacts()
        let open = try #require(try findings("xmp: profile-1", facts).one("bios.settings.xmp"))
        #expect(open.status == .manual)
        #expect(open.severity == .warning)
        let confirmed = try #require(try findings("xmp: profile-1", facts, confirmations: ["bios.settings.xmp"]).one("bios.settings.xmp"))
        #expect(confirmed.status == .ok)
        // an observable setting with a value rigctl cannot read is manual too
        #expect(try findings("virtualization: auto", facts).one("bios.settings.virtualization")?.status == .manual)
    }

    @Test func groupsFollowTheSettings() throws {
        let spec = try AuditSamples.spec(body: "bios: { settings: { virtualization: enabled, rebar: on, xmp: profile-1 } }\n")
        #expect(BIOSCheck().groups(for: spec) == [.cpu, .gpus])
    }
}
