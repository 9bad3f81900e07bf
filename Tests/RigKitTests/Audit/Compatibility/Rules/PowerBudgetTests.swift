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

@Suite struct PowerBudgetTests {
    let rule = PowerBudget()

    @Test(arguments: ExampleMachines.passing)
    func examplesPass(spec: MachineSpec) {
        #expect(rule.check(spec) == [])
    }

    @Test func bigRigOnOnePSUFailsWithItsNumbers() throws {
        let finding = try #require(rule.check(ExampleMachines.bigRigOnePSU).first)
        #expect(finding.rule == "power-budget")
        #expect(finding.keyPath == "parts.psu")
        #expect(finding.expected == ">= 2130 W")
        #expect(finding.actual == "1600 W")
        #expect(finding.severity == .error)
        #expect(finding.message == "5 × GeForce RTX 3090 at 280 W power limit = 1400 W + CPU 280 W + rest 95 W "
                + "(75 W board, memory, fans + 2 drives × 10 W) = 1775 W; with 20 % headroom needs 2130 W; "
                + "the PSU gives 1600 W (Corsair AX1600i 1600 W)")
    }

    @Test func fiveRTX3090AtFullPowerOnOne1600WSupplyFails() throws {
        let finding = try #require(rule.check(ExampleMachines.fiveRTX3090OnOnePSU).first)
        #expect(finding.message == "5 × GeForce RTX 3090 at 350 W board power = 1750 W + CPU 280 W + rest 95 W "
                + "(75 W board, memory, fans + 2 drives × 10 W) = 2125 W; with 20 % headroom needs 2550 W; "
                + "the PSU gives 1600 W (Corsair AX1600i 1600 W)")
    }

    @Test func psusAddUp() throws {
        var spec = ExampleMachines.fiveRTX3090OnOnePSU
        spec.parts.psus.append(.init(model: "Corsair AX1000", power: ExampleMachines.watts(1000)))
        #expect(rule.check(spec) == [])
    }

    @Test func usesTheCatalogAndTheDefaultCPUWhenTheSpecIsSilent() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "NVIDIA GeForce RTX 4090", count: 2)]
        spec.parts.cpu = nil
        spec.parts.storage = []
        spec.parts.psus = [.init(model: "Corsair RM1000x", power: ExampleMachines.watts(1000))]
        let finding = try #require(rule.check(spec).first)
        #expect(finding.message == "2 × GeForce RTX 4090 at 450 W board power (rigctl's table) = 900 W + CPU 150 W "
                + "(default; set parts.cpu.power) + rest 75 W (75 W board, memory, fans + 0 drives × 10 W) = 1125 W; "
                + "with 20 % headroom needs 1350 W; the PSU gives 1000 W (Corsair RM1000x 1000 W)")
    }

    @Test func amdBoardPowerComesFromTheTableToo() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "AMD Radeon RX 7900 XTX", count: 2)]
        spec.parts.psus = [.init(model: "Corsair RM850x", power: ExampleMachines.watts(850))]
        let finding = try #require(rule.check(spec).first)
        #expect(finding.status == .incompatible)
        #expect(finding.message.hasPrefix("2 × AMD Radeon RX 7900 XTX at 355 W board power (rigctl's table) = 710 W"))
        // rocm-smi's package power cap is not a board power: an MI100 without a declared power is unknown.
        spec.parts.gpus = [.init(model: "AMD Instinct MI100")]
        #expect(try #require(rule.check(spec).first).keyPath == "parts.gpus[0].power")
    }

    @Test func countsEverySocket() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.cpu?.sockets = 2
        spec.parts.psus = [.init(model: "Small", power: ExampleMachines.watts(500))]
        let finding = try #require(rule.check(spec).first)
        #expect(finding.message.contains("+ 2 × CPU 140 W +"))
        #expect(finding.expected == ">= 858 W")
    }

    @Test func aGPUWithoutAnyKnownPowerIsAWarning() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "NVIDIA GeForce RTX 3080")]
        let finding = try #require(rule.check(spec).first)
        #expect(finding.status == .unknown)
        #expect(finding.severity == .warning)
        #expect(finding.keyPath == "parts.gpus[0].power")
    }

    @Test func powerLimitAppliesOnlyToNVIDIAGPUs() throws {
        var spec = ExampleMachines.computeNode
        spec.parts.gpus = [.init(model: "AMD Instinct MI100", count: 4, power: ExampleMachines.watts(300))]
        spec.gpuSettings = .init(powerLimit: ExampleMachines.watts(100))
        let finding = try #require(rule.check(spec).first)
        #expect(finding.message.hasPrefix("4 × AMD Instinct MI100 at 300 W board power = 1200 W"))
    }

    @Test func noPSUNothingToCompare() {
        var spec = ExampleMachines.fiveRTX3090OnOnePSU
        spec.parts.psus = []
        #expect(rule.check(spec) == [])
    }
}
