import Foundation
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

@Suite struct CompatibilityCheckTests {
    @Test(arguments: ExampleMachines.passing)
    func exampleMachinesHaveNoFindings(spec: MachineSpec) {
        #expect(checkCompatibility(spec) == [])
    }

    @Test func blackwellWithCUDA124FailsTwoRules() {
        let findings = checkCompatibility(ExampleMachines.blackwellOnCUDA124)
        #expect(findings.map(\.rule) == ["gpu-min-cuda", "os-supports-cuda"])
        #expect(findings.allSatisfy { $0.severity == .error && $0.machine == "workstation" })
    }

    @Test func fiveRTX3090OnOnePSUFailsThePowerBudget() {
        #expect(checkCompatibility(ExampleMachines.fiveRTX3090OnOnePSU).map(\.rule) == ["power-budget"])
        #expect(checkCompatibility(ExampleMachines.bigRigOnePSU).map(\.rule) == ["power-budget"])
    }

    @Test func findingsFollowTheFileAndCarryLocations() {
        var spec = ExampleMachines.blackwellOnCUDA124
        spec.drivers?.nvidia?.flavor = .proprietary
        spec.parts.gpus.append(.init(model: "Mystery GPU 1"))
        spec.locations["parts.gpus[1].model"] = SourceLocation(file: spec.file, line: 14, column: 15)
        spec.locations["drivers.cuda"] = SourceLocation(file: spec.file, line: 22, column: 9)
        spec.locations["drivers.nvidia"] = SourceLocation(file: spec.file, line: 21, column: 3)
        let findings = checkCompatibility(spec)
        #expect(findings.map(\.rule) == ["unknown-gpu", "gpu-min-driver", "gpu-min-cuda", "os-supports-cuda", "power-budget"])
        #expect(findings.map { $0.location?.line } == [14, 21, 22, 22, nil])
        #expect(checkCompatibility(spec) == findings)
    }

    @Test func everyRuleHasAUniqueIdAndASummary() {
        let ids = CompatibilityCheck.standardRules.map(\.id)
        #expect(ids == ["unknown-gpu", "gpu-min-cuda", "cuda-min-driver", "gpu-min-driver", "os-supports-cuda",
                        "gpu-rocm-support", "os-supports-rocm", "driver-gpu-vendor",
                        "power-budget", "declared-vram", "torch-cuda-arch", "torch-cuda-driver", "mlx-platform"])
        #expect(Set(ids).count == ids.count)
        #expect(CompatibilityCheck.standardRules.allSatisfy { !$0.summary.isEmpty })
    }

    /// The repository's own `machines/` (written by the lead), loaded with the real loader.
    @Test func theRepositorysMachinesPass() throws {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let files = try SpecLoader.machineFiles(in: repository.appendingPathComponent("machines").path)
        let loaded = SpecLoader.fromDisk().loadAll(files)
        #expect(loaded.diagnostics.isEmpty)
        #expect(Set(loaded.specs.map(\.name)) == ["big-rig", "compute-node", "dgx-spark", "instinct-node", "mac-studio", "rented-h100", "rocm-desktop", "workstation"])
        for spec in loaded.specs {
            #expect(checkCompatibility(spec) == [], "\(spec.name)")
        }
    }

    /// With passes, the passing rules' `ok` findings are placed by ranks made once: the same findings
    /// in the same order as sorting them all (located and unlocated problems, loaded and built specs).
    @Test func passesAreOrderedAsSortingEverything() throws {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let files = try SpecLoader.machineFiles(in: repository.appendingPathComponent("machines").path)
        var located = ExampleMachines.blackwellOnCUDA124
        located.locations["drivers.cuda"] = SourceLocation(file: located.file, line: 22, column: 9)
        let specs = SpecLoader.fromDisk().loadAll(files).specs + ExampleMachines.passing
            + [ExampleMachines.blackwellOnCUDA124, located, ExampleMachines.fiveRTX3090OnOnePSU, ExampleMachines.bigRigOnePSU]
        let rules = SpecValidator.standardRules
        for spec in specs {
            let lookups = SpecLookups(spec)
            let unsorted = rules.flatMap { rule -> [Finding] in
                let found = rule.check(spec, lookups: lookups)
                guard found.isEmpty else { return found }
                return [Finding(machine: spec.name, keyPath: "", status: .ok, severity: .info, message: "passes: \(rule.summary)", rule: rule.id)]
            }
            let checked = CompatibilityRules(rules).check(spec, passes: true)
            #expect(checked == unsorted.sortedForReport(), "\(spec.name)")
            #expect(checked.map(\.message) == unsorted.sortedForReport().map(\.message), "\(spec.name)")
        }
    }

    @Test func aLoadedSpecGetsFileLineAndColumn() throws {
        let yaml = """
            version: 1
            hostname: blackwell-box
            os: { distro: ubuntu, release: "24.04" }
            parts:
              gpus:
                - { model: NVIDIA GeForce RTX 5090, vram: 32 GiB }
              psu: { model: Small, power: 650 W }
            drivers:
              nvidia: { version: "570", flavor: open }
              cuda: "12.4"
            """
        let spec = try SpecLoader(readFile: { $0 == "machines/blackwell-box.yaml" ? yaml : nil })
            .load(file: "machines/blackwell-box.yaml").get()
        let findings = checkCompatibility(spec)
        #expect(findings.map(\.rule) == ["power-budget", "gpu-min-cuda", "os-supports-cuda"])
        #expect(findings.map { $0.location?.description } == ["machines/blackwell-box.yaml:7:3",
                                                             "machines/blackwell-box.yaml:10:3",
                                                             "machines/blackwell-box.yaml:10:3"])
        #expect(findings.first?.message == "1 × GeForce RTX 5090 at 575 W board power (rigctl's table) = 575 W + CPU 150 W "
                + "(default; set parts.cpu.power) + rest 75 W (75 W board, memory, fans + 0 drives × 10 W) = 800 W; "
                + "with 20 % headroom needs 960 W; the PSU gives 650 W (Small 650 W)")
    }
}
