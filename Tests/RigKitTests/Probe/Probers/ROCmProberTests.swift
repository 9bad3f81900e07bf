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

/// The installed ROCm release and amdgpu module, and `diff` of `drivers.rocm` against them.
@Suite struct ROCmProberTests {
    func facts(version: String?, module: String?, moduleLoaded: Bool = true) async -> Facts {
        var machine = FakeSystem()
        if let version { machine.files["/opt/rocm/.info/version"] = version }
        if let module { machine.files["/sys/module/amdgpu/version"] = module }
        if moduleLoaded { machine.directories["/sys/module/amdgpu"] = module == nil ? [] : ["version"] }
        return await ProbeRunner.probe([.rocm], on: machine, probers: [ROCmProber()])
    }

    @Test func readsTheReleaseWithoutAMDsBuildNumberAndTheDKMSModule() async throws {
        let rocm = try #require(await facts(version: "6.2.4-120\n", module: "6.8.5\n").rocm)
        #expect(rocm.release == .value("6.2.4"))
        #expect(rocm.amdgpuModule == .value("6.8.5"))
    }

    @Test func sayWhyWhenROCmOrTheModuleIsMissing() async throws {
        let none = try #require(await facts(version: nil, module: nil, moduleLoaded: false).rocm)
        #expect(none.release == .unknown("no /opt/rocm/.info/version: ROCm is not installed"))
        #expect(none.amdgpuModule == .unknown("the amdgpu module is not loaded"))
        let inTree = try #require(await facts(version: "garbage", module: nil).rocm)
        #expect(inTree.release == .unknown("/opt/rocm/.info/version holds no release number"))
        #expect(inTree.amdgpuModule == .unknown("the loaded amdgpu module has no version: it is the kernel's own, not amdgpu-dkms"))
    }

    @Test func theStandardProbeLeavesROCmOutAndTheCheckAsksForIt() {
        #expect(!FactGroup.standard.contains(.rocm))
        #expect(ROCmCheck().groups(for: PlanExamples.rocmDesktop) == [.rocm, .gpus])
        #expect(ROCmCheck().groups(for: PlanExamples.computeNode).isEmpty)
    }

    @Test(arguments: [("6.2.4", "6.2.4", true), ("6.2.4", "6.2.2", false), ("6.2", "6.2.0", true), ("6.2", "6.2.4", false),
                      (">=6.2", "6.2.4", true), (">=6.2", "6.1.2", false)])
    func diffComparesAMDsReleaseNames(spec written: String, installed: String, matches: Bool) async throws {
        var spec = PlanExamples.rocmDesktop
        spec.drivers = .init(rocm: PlanExamples.constraint(written))
        let facts = await facts(version: installed + "-120", module: "6.8.5")
        let findings = ROCmCheck().findings(spec, facts, AuditContext(spec: spec))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.keyPath == "drivers.rocm")
        #expect(finding.status == (matches ? .ok : .drift))
        if !matches { #expect(finding.message.hasPrefix("ROCm \(installed) is installed, the spec wants ")) }
    }

    @Test func theKernelsOwnAmdgpuIsADrift() async throws {
        let spec = PlanExamples.rocmDesktop
        let findings = ROCmCheck().findings(spec, await facts(version: "6.2.4-120", module: nil), AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.ok, .drift])
        #expect(findings.last?.message.contains("not amdgpu-dkms") == true)
    }

    /// A GPU the catalog has no target for is judged by the target the machine reports (gpu-rocm-support).
    @Test(arguments: [("gfx1100", Finding.Status.ok), ("gfx1101", .incompatible), ("gfx906", .unknown)])
    func probedTargetOfAnUncataloguedGPU(target: String, status: Finding.Status) async throws {
        let spec = PlanExamples.rocmDesktop
        var gpu = GPUFacts(busID: "0000:03:00.0", vendor: "amd")
        gpu.model = .value("AMD Radeon RX 7800 XT")
        gpu.deviceID = .value("0x747e")
        gpu.gfxTarget = .value(target)
        var facts = await facts(version: "6.2.4-120", module: "6.8.5")
        facts.gpus = .value([gpu])
        let findings = ROCmCheck().findings(spec, facts, AuditContext(spec: spec)).filter { $0.rule == "gpu-rocm-support" }
        #expect(findings.count == 1)
        #expect(findings.first?.status == status)
        #expect(findings.first?.message.contains("AMD Radeon RX 7800 XT at 0000:03:00.0 (\(target), as the machine reports)") == true)
    }

    /// A catalogued GPU is left to the spec-only rule, and a release outside the table is not guessed at.
    @Test func cataloguedOrUnknownReleaseIsNotJudgedTwice() async throws {
        var gpu = GPUFacts(busID: "0000:03:00.0", vendor: "amd")
        gpu.model = .value("AMD Radeon RX 7900 XTX")
        gpu.gfxTarget = .value("gfx1100")
        var facts = await facts(version: "6.2.4-120", module: "6.8.5")
        facts.gpus = .value([gpu])
        var spec = PlanExamples.rocmDesktop
        #expect(ROCmCheck().findings(spec, facts, AuditContext(spec: spec)).allSatisfy { $0.rule != "gpu-rocm-support" })
        gpu.model = .value("AMD Radeon RX 7800 XT")
        facts.gpus = .value([gpu])
        spec.drivers = .init(rocm: PlanExamples.constraint("5.7"))
        #expect(ROCmCheck().findings(spec, facts, AuditContext(spec: spec)).allSatisfy { $0.rule != "gpu-rocm-support" })
    }

    @Test func noROCmInstalledIsUnknownNotOK() async throws {
        let spec = PlanExamples.rocmDesktop
        let findings = ROCmCheck().findings(spec, await facts(version: nil, module: nil, moduleLoaded: false), AuditContext(spec: spec))
        #expect(findings.map(\.status) == [.unknown])
    }
}
