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

@Suite struct CUDAMinimumDriverTests {
    let rule = CUDAMinimumDriver()

    private func spec(driver: String, cuda: String) -> MachineSpec {
        var spec = ExampleMachines.computeNode
        spec.drivers = .init(nvidia: .init(version: ExampleMachines.version(driver), flavor: .open),
                             cuda: ExampleMachines.version(cuda))
        return spec
    }

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func driverBelowTheFamilyFloorFails() throws {
        let finding = try #require(rule.check(spec(driver: "520", cuda: "12.8")).first)
        #expect(finding.rule == "cuda-min-driver")
        #expect(finding.keyPath == "drivers.nvidia.version")
        #expect(finding.expected == ">=570.124.06")
        #expect(finding.actual == "520")
        #expect(finding.severity == .error)
        #expect(finding.message == "CUDA 12.8 (12.8 Update 1) needs driver >= 570.124.06; the spec pins driver 520")
    }

    @Test func cuda13NeedsR580() throws {
        let finding = try #require(rule.check(spec(driver: "575", cuda: "13.0")).first)
        #expect(finding.severity == .error)
        #expect(finding.expected == ">=580.95.05")
        #expect(rule.check(spec(driver: "580", cuda: "13.0")) == [])
    }

    @Test func minorVersionCompatibilityIsAWarning() throws {
        let finding = try #require(rule.check(spec(driver: "565", cuda: "12.8")).first)
        #expect(finding.severity == .warning)
        #expect(finding.status == .incompatible)
        #expect(finding.message == "CUDA 12.8 (12.8 Update 1) needs driver >= 570.124.06; the spec pins driver 565, "
                + "which runs CUDA 12.x only under minor-version compatibility (>= 525.60.13: no PTX JIT of newer code, "
                + "some features missing)")
    }

    @Test func exactPinsUseTheirPrecision() throws {
        #expect(rule.check(spec(driver: "570.86.10", cuda: "12.8.0")) == [])
        let finding = try #require(rule.check(spec(driver: "570.86.10", cuda: "12.8.1")).first)
        #expect(finding.expected == ">=570.124.06")
        // 12.8 GA: Table 3 says 570.26, the .run installer bundles 570.86.10.
        let ga = try #require(rule.check(spec(driver: "565.57.01", cuda: "12.8.0")).first)
        #expect(ga.message.hasPrefix("CUDA 12.8.0 (12.8 GA) needs driver >= 570.26 (its .run installer bundles 570.86.10)"))
    }

    @Test func unlistedReleasesAreJudgedByTheirFamily() throws {
        let known = try #require(rule.check(spec(driver: "595", cuda: "13.3")).first)
        #expect(known.status == .unknown)
        #expect(known.severity == .warning)
        #expect(known.keyPath == "drivers.cuda")
        let tooOld = try #require(rule.check(spec(driver: "575", cuda: "13.3")).first)
        #expect(tooOld.severity == .error)
        #expect(tooOld.message == "CUDA 13.x needs driver >= 580; the spec pins driver 575")
        let unknown = try #require(rule.check(spec(driver: "595", cuda: "14.0")).first)
        #expect(unknown.message == "CUDA 14.0 is not a release rigctl knows; its minimum driver cannot be checked")
    }

    @Test func needsBothPins() {
        var spec = spec(driver: "520", cuda: "12.8")
        spec.drivers?.nvidia = nil
        #expect(rule.check(spec) == [])
    }
}
