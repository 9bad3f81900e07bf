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

/// Pop!_OS end to end from a real `/etc/os-release` (Tests/RigKitTests/Fixtures/tools/11_os_release/pop_22.04.txt):
/// the probe reads it, `init` writes a spec for it, the audit matches it, and the plan installs the
/// branch package Pop's own `system76-driver-nvidia` would pull, with CUDA from Ubuntu 22.04's repository.
@Suite struct PopOSTests {
    func facts() async throws -> Facts {
        var machine = FakeSystem()
        machine.files["/etc/os-release"] = try Fixture.text("tools/11_os_release/pop_22.04.txt")
        return await ProbeRunner.probe([.os], on: machine, probers: [OSReleaseProber()])
    }

    func spec() throws -> MachineSpec {
        try AuditSamples.spec("""
            version: 1
            hostname: pop-os
            os: { distro: pop, release: "22.04" }
            drivers:
              nvidia: { version: "570", flavor: open }
              cuda: "12.8"
            """)
    }

    @Test func theProbeReadsPop() async throws {
        let os = try #require(try await facts().os)
        #expect(os.id == .value("pop"))
        #expect(os.version == .value("22.04"))
        #expect(os.prettyName == .value("Pop!_OS 22.04 LTS"))
    }

    @Test func initWritesAPopSpecWithoutAWarning() async throws {
        let yaml = StarterSpec.yaml(from: try await facts())
        #expect(yaml.contains(#"os: { distro: "pop", release: "22.04" }"# + "\n"))
    }

    @Test func theAuditMatchesTheSpec() async throws {
        let spec = try spec()
        let findings = OSCheck().findings(spec, try await facts(), AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.ok, .ok])
        #expect(OSSupportsCUDA().check(spec).isEmpty)
    }

    @Test func thePlanUsesPopsBranchPackageAndUbuntusCUDARepository() throws {
        let plan = Planner().plan(spec: try spec())
        let repository = try #require(plan.steps.first { $0.id == "cuda-repository" })
        #expect(repository.kind == .aptRepository(CUDARepository(directory: "ubuntu2204")))
        #expect(repository.fixes == ["drivers.cuda"])
        guard case .nvidiaDriver(let driver) = try #require(plan.steps.first { $0.id == "nvidia-driver" }).kind else {
            Issue.record("expected a driver step"); return
        }
        #expect(driver.source == .distributionArchive)
        #expect(driver.package == AptPin(name: "nvidia-driver-570-open"))
        #expect(driver.preferences == nil)
        #expect(!plan.steps.contains { "\($0.kind)".contains("system76-driver-nvidia") })
    }

    @Test func unknownCUDAOnPopSaysItIsJudgedAsUbuntu() throws {
        var spec = try spec()
        spec.drivers?.cuda = PlanExamples.constraint("11.2")
        let finding = try #require(OSSupportsCUDA().check(spec).first)
        #expect(finding.message.contains("(judged as Ubuntu 22.04, which Pop!_OS is built on)"))
    }
}
