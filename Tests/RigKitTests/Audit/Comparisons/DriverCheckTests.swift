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

@Suite struct DriverCheckTests {
    func finding(_ constraint: String, loaded: String, flavor: String = "open") throws -> [Finding] {
        let spec = try AuditSamples.spec(body: "drivers: { nvidia: { version: \"\(constraint)\", flavor: open } }\n")
        var facts = Facts()
        var driver = NvidiaDriverFacts()
        driver.version = .value(loaded)
        driver.flavor = .value(flavor)
        facts.nvidiaDriver = driver
        return DriverCheck().findings(spec, facts, AuditContext(spec: spec))
    }

    @Test func branchExactAndAtLeast() throws {
        #expect(try finding("570", loaded: "570.124.06")[0].status == .ok)
        #expect(try finding("570.124.06", loaded: "570.124.06")[0].status == .ok)
        #expect(try finding(">=570", loaded: "575.64.03")[0].status == .ok)
        #expect(try finding("570.124.06", loaded: "570.133.07")[0].status == .drift)
        #expect(try finding(">=570", loaded: "550.144.03")[0].status == .drift)
    }

    @Test func bumpedBranchSaysWhatTheSpecWants() throws {
        let version = try finding("570", loaded: "575.64.03")[0]
        #expect(version.status == .drift)
        #expect(version.message == "the loaded NVIDIA driver is 575.64.03, the spec wants branch 570")
        let atLeast = try finding(">=570", loaded: "550.144.03")[0]
        #expect(atLeast.message == "the loaded NVIDIA driver is 550.144.03, the spec wants 570 or newer")
    }

    @Test func proprietaryModulesAreDrift() throws {
        let flavor = try finding("570", loaded: "570.124.06", flavor: "proprietary")[1]
        #expect(flavor.keyPath == "drivers.nvidia.flavor")
        #expect(flavor.status == .drift)
        #expect(flavor.message == "the NVIDIA kernel module flavor is proprietary, the spec wants open")
    }
}
