import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit

/// The PCIe link from sysfs: parsed as the kernel writes it, replayed from recorded hosts, and judged against the spec.
@Suite struct PCIeLinkTests {
    static let device = "/sys/bus/pci/devices/0000:41:00.0"

    @Test func parsesTheKernelsFormats() {
        // Since Linux 4.17: "16.0 GT/s PCIe"; before: "8 GT/s"; "Unknown" when the link reports none.
        #expect(PCIeLinkSysfs.parse(width: "8\n", maxWidth: "16\n", speed: "2.5 GT/s PCIe\n", maxSpeed: "16.0 GT/s PCIe\n", device: Self.device)
                == .value(PCIeLinkFacts(width: 8, maxWidth: 16, speedGTs: 2.5, maxSpeedGTs: 16)))
        #expect(PCIeLinkSysfs.parse(width: "16", maxWidth: "16", speed: "8 GT/s", maxSpeed: "Unknown", device: Self.device)
                == .value(PCIeLinkFacts(width: 16, maxWidth: 16, speedGTs: 8, maxSpeedGTs: nil)))
    }

    @Test func oddTextIsUnknownAndEscaped() {
        let fact = PCIeLinkSysfs.parse(width: "x16", maxWidth: "16", speed: "2.5 GT/s", maxSpeed: "2.5 GT/s", device: Self.device)
        #expect(fact == .unknown("\(Self.device)/current_link_width: unexpected 'x16'"))
        let hostile = PCIeLinkSysfs.parse(width: "16", maxWidth: "16", speed: "\u{1b}[31m GT/s", maxSpeed: "2.5 GT/s", device: Self.device)
        #expect(hostile.reason?.contains("\u{1b}") == false)
        #expect(PCIeLinkSysfs.parse(width: "99999999999999999999", maxWidth: "16", speed: "2.5 GT/s", maxSpeed: "2.5 GT/s", device: Self.device).value == nil)
    }

    static func probe(_ host: String) async throws -> [GPUFacts] {
        let directory: String
        if host.hasPrefix("/") { directory = host } else { directory = try Fixture.host(host) }
        let facts = await ProbeRunner.probe([.gpus], on: try ReplaySystem(directory: directory))
        return try #require(facts.gpus?.value)
    }

    @Test func replaysTheDegradedLink() async throws {
        let gpus = try await Self.probe("big-rig-riser")
        let links = gpus.filter { $0.vendor == "nvidia" }.map { $0.pcieLink?.value?.width }
        #expect(links == [16, 16, 8, 16, 16])
        #expect(gpus.first { $0.busID == "0000:41:00.0" }?.pcieLink == .value(PCIeLinkFacts(width: 8, maxWidth: 16, speedGTs: 2.5, maxSpeedGTs: 16)))
        // The BMC's VGA has no link attributes in the recording: nil, not a made-up link.
        #expect(gpus.first { $0.busID == "0000:c3:00.0" }?.pcieLink == nil)
    }

    /// A recorded host from before rigctl read the links (the lent H100) replays as it was recorded: no link.
    @Test func olderRecordingsHaveNoLink() async throws {
        let gpus = try await Self.probe("h100-device")
        #expect(!gpus.isEmpty && gpus.allSatisfy { $0.pcieLink == nil })
    }

    static func findings(_ spec: MachineSpec, host: String) async throws -> [Finding] {
        var facts = Facts()
        facts.gpus = .value(try await probe(host))
        return PCIeLinkCheck().findings(spec, facts, AuditContext(spec: spec))
    }

    /// big-rig's spec wants x16 at 16 GT/s: the card at x8 is drift at parts.gpus[0].pcie.width.
    @Test func degradedLinkIsDriftAgainstTheSpec() async throws {
        let spec = try AuditSamples.machine("big-rig")
        let findings = try await Self.findings(spec, host: "big-rig-riser")
        let widths = findings.filter { $0.keyPath == "parts.gpus[0].pcie.width" }
        #expect(widths.count == 5)
        let drift = try #require(widths.first { $0.status == .drift })
        #expect(drift.severity == .error)
        #expect(drift.message == "the GPU at 0000:41:00.0 runs at x8 (it can do x16), the spec wants x16: check the riser and that the card is seated")
        #expect(drift.location?.line == 14)  // the gpus entry of machines/big-rig.yaml
        let speeds = findings.filter { $0.keyPath == "parts.gpus[0].pcie.speed" }
        #expect(speeds.count == 5 && speeds.allSatisfy { $0.status == .ok })
        #expect(speeds[0].message == "the GPU at 0000:01:00.0 supports 16 GT/s (now 2.5 GT/s; NVIDIA GPUs lower it when idle)")
    }

    @Test func committedBigRigHostPasses() async throws {
        let spec = try AuditSamples.machine("big-rig")
        let findings = try await Self.findings(spec, host: AuditSamples.repository + "/build-logs/big-rig/recorded-host")
        #expect(findings.count == 10 && findings.allSatisfy { $0.status == .ok })
    }

    /// Without pcie: in the spec, a card below its own maximum is a warning that says how to accept it.
    @Test func belowItsMaximumWithoutASpecIsAWarning() async throws {
        var spec = try AuditSamples.machine("big-rig")
        spec.parts.gpus[0].pcie = nil
        let findings = try await Self.findings(spec, host: "big-rig-riser")
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message == "the GPU at 0000:41:00.0 runs at x8 of its x16 (a narrower slot or riser, or a card not seated); "
                + "write parts.gpus[0].pcie.width: 8 if the machine is built that way")
        #expect(try await Self.findings(spec, host: AuditSamples.repository + "/build-logs/big-rig/recorded-host").isEmpty)
    }

    /// A spec faster than the card can go is drift.
    @Test func speedBeyondTheCard() async throws {
        var spec = try AuditSamples.machine("big-rig")
        spec.parts.gpus[0].pcie = MachineSpec.PCIeLink(speed: Quantity(dimension: .frequency, value: 32e9, text: "32 GT/s"))
        let findings = try await Self.findings(spec, host: AuditSamples.repository + "/build-logs/big-rig/recorded-host")
        #expect(findings.count == 5 && findings.allSatisfy { $0.status == .drift })
        #expect(findings.first?.message == "the GPU at 0000:01:00.0 supports at most 16 GT/s, the spec wants 32 GT/s")
    }
}
