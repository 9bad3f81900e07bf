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

/// Passing and failing examples of the ROCm rules (facts: `ROCmSupport`, AMD's system requirements per release).
@Suite struct ROCmRulesTests {
    func spec(gpu: String = "AMD Radeon RX 7900 XTX", rocm: String = "6.2.4",
              os: MachineSpec.OperatingSystem = .init(distro: .ubuntu, release: "24.04")) -> MachineSpec {
        var spec = PlanExamples.rocmDesktop
        spec.os = os
        spec.parts.gpus = [.init(model: gpu)]
        spec.drivers = .init(rocm: PlanExamples.constraint(rocm))
        return spec
    }

    @Test(arguments: [PlanExamples.rocmDesktop, PlanExamples.rocmNode])
    func theAMDExamplesPassEveryRule(spec: MachineSpec) {
        #expect(checkCompatibility(spec) == [])
    }

    @Test func everyNVIDIAExamplePassesTheROCmRules() {
        for spec in PlanExamples.all {
            #expect(GPUSupportsROCm().check(spec) == [])
            #expect(OSSupportsROCm().check(spec) == [])
            #expect(DriverMatchesGPUVendor().check(spec) == [])
        }
    }

    // gpu-rocm-support

    @Test(arguments: ["AMD Radeon RX 7900 XTX", "AMD Instinct MI300X", "AMD Instinct MI210", "AMD Instinct MI250X", "Radeon PRO W7900"])
    func supportedTargetsPass(gpu: String) {
        #expect(GPUSupportsROCm().check(spec(gpu: gpu)) == [])
    }

    @Test func anUnsupportedTargetFails() throws {
        let finding = try #require(GPUSupportsROCm().check(spec(gpu: "AMD Radeon RX 6700 XT")).first)
        #expect(finding.rule == "gpu-rocm-support")
        #expect(finding.keyPath == "parts.gpus[0].model")
        #expect(finding.severity == .error)
        #expect(finding.message == "ROCm 6.2.4 does not support AMD Radeon RX 6700 XT (gfx1031) in parts.gpus[0]: "
                + "AMD's system requirements list no gfx1031 GPU for it")
    }

    @Test func aDeprecatedTargetWarns() throws {
        let finding = try #require(GPUSupportsROCm().check(spec(gpu: "AMD Instinct MI50")).first)
        #expect(finding.severity == .warning)
        #expect(finding.keyPath == "drivers.rocm")
        #expect(finding.message.contains("(gfx906) in parts.gpus[0] as deprecated"))
    }

    // os-supports-rocm

    @Test func ubuntu2404NeedsROCm62() throws {
        #expect(OSSupportsROCm().check(spec(rocm: "6.2")) == [])
        let finding = try #require(OSSupportsROCm().check(spec(rocm: "6.1.2")).first)
        #expect(finding.keyPath == "os.release")
        #expect(finding.severity == .error)
        #expect(finding.message == "ROCm 6.1.2 supports Ubuntu 22.04 and 20.04, not ubuntu 24.04")
    }

    @Test func ubuntu2004IsGoneIn62() throws {
        let os = MachineSpec.OperatingSystem(distro: .ubuntu, release: "20.04")
        #expect(OSSupportsROCm().check(spec(rocm: "6.0", os: os)) == [])
        #expect(OSSupportsROCm().check(spec(rocm: "6.2.4", os: os)).map(\.keyPath) == ["os.release"])
    }

    @Test func popIsJudgedAsItsUbuntu() throws {
        let os = MachineSpec.OperatingSystem(distro: .pop, release: "22.04")
        #expect(OSSupportsROCm().check(spec(rocm: "6.1", os: os)) == [])
        let finding = try #require(OSSupportsROCm().check(spec(rocm: "6.2", os: .init(distro: .pop, release: "20.04"))).first)
        #expect(finding.message.hasSuffix("(judged as Ubuntu 20.04, which Pop!_OS is built on)"))
    }

    @Test func debianArm64AndABareMajorFail() {
        #expect(OSSupportsROCm().check(spec(os: .init(distro: .debian, release: "12"))).map(\.keyPath) == ["os.distro"])
        #expect(OSSupportsROCm().check(spec(os: .init(distro: .ubuntu, release: "24.04", architecture: .arm64))).map(\.keyPath) == ["os.arch"])
        #expect(OSSupportsROCm().check(spec(rocm: "6")).map(\.keyPath) == ["drivers.rocm"])
    }

    @Test func aReleaseOutsideTheTableWarns() throws {
        let finding = try #require(OSSupportsROCm().check(spec(rocm: "6.4")).first)
        #expect(finding.severity == .warning)
        #expect(finding.status == .unknown)
        #expect(finding.message.hasSuffix("rigctl's table knows ROCm 6.0–6.2"))
        #expect(GPUSupportsROCm().check(spec(rocm: "6.4")) == [])
    }

    @Test func rocm7IsRefusedNotPlannedWithThe6xDriverRepository() throws {
        let finding = try #require(OSSupportsROCm().check(spec(rocm: "7.0.1")).first)
        #expect(finding.severity == .error)
        #expect(finding.keyPath == "drivers.rocm")
        #expect(finding.message.hasPrefix("rigctl plans ROCm 6.x (its amdgpu/<release> driver repository)"))
    }

    // driver-gpu-vendor

    @Test func rocmOnAnNVIDIAOnlyMachineFails() throws {
        var spec = PlanExamples.computeNode
        spec.drivers?.rocm = PlanExamples.constraint("6.1")
        let finding = try #require(DriverMatchesGPUVendor().check(spec).first)
        #expect(finding.keyPath == "drivers.rocm")
        #expect(finding.severity == .error)
        #expect(finding.message == "drivers.rocm installs AMD's ROCm and amdgpu driver, but parts.gpus has no AMD GPU (NVIDIA GeForce RTX 3090)")
    }

    @Test func nvidiaAndCUDAOnAnAMDOnlyMachine() {
        var spec = PlanExamples.rocmDesktop
        spec.drivers = .init(nvidia: .init(version: PlanExamples.constraint("570"), flavor: .open), cuda: PlanExamples.constraint("12.8"))
        let findings = DriverMatchesGPUVendor().check(spec)
        #expect(findings.map(\.keyPath) == ["drivers.nvidia.version", "drivers.cuda"])
        #expect(findings.map(\.severity) == [.error, .warning])
    }

    @Test func mixedOrUnknownGPUsAreNotJudged() {
        var spec = PlanExamples.rocmDesktop
        spec.parts.gpus.append(.init(model: "NVIDIA GeForce RTX 3090"))
        spec.drivers = .init(nvidia: .init(version: PlanExamples.constraint("570"), flavor: .open), rocm: PlanExamples.constraint("6.2.4"))
        #expect(DriverMatchesGPUVendor().check(spec) == [])
        spec.parts.gpus = [.init(model: "Mystery GPU 1")]
        #expect(DriverMatchesGPUVendor().check(spec) == [])
    }

    @Test func theAMDBoardPowersCountInThePowerBudget() throws {
        var spec = PlanExamples.rocmNode
        spec.parts.gpus = [.init(model: "AMD Instinct MI210", count: 3)]
        // 3 × 300 W + 140 W CPU + 75 W rest = 1115 W on a 1000 W supply.
        let finding = try #require(PowerBudget().check(spec).first)
        #expect(finding.message.hasPrefix("3 × AMD Instinct MI210 at 300 W board power (rigctl's table) = 900 W"))
    }
}
