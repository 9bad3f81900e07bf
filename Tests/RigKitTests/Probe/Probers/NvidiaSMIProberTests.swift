import Foundation
import Testing
@testable import RigKit

@Suite struct NvidiaSMIProberTests {
    @Test func oldDriverWithoutComputeCapFieldFallsBackToXML() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = CommandResult(
            outcome: .exited(2), stderr: Data("Field \"compute_cap\" is not a valid field to query.\n".utf8))
        machine.commands[NvidiaSMIProber.xmlArgv] = .output(try Fixture.text("tools/01_nvidia_smi_xml/rtx3090_525.147.05_v12.txt"))
        let facts = await ProbeRunner.probe([.gpus, .cuda], on: machine)
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.busID == "0000:00:10.0")
        #expect(gpu.model == .value("NVIDIA GeForce RTX 3090"))
        #expect(gpu.powerLimitWatts == .value(200))
        #expect(gpu.defaultPowerLimitWatts == .value(350))
        #expect(gpu.bar1Bytes == .value(mib(32768)))
        #expect(gpu.computeCapability == .unknown("nvidia-smi exited with status 2: Field \"compute_cap\" is not a valid field to query."))
        #expect(gpu.deviceID == .unknown("not in /sys/bus/pci"))
        #expect(facts.cuda?.driverSupports == .value("12.0"))
    }

    @Test func eightGPUsFromCSVWithoutXML() async throws {
        var machine = FakeSystem()
        let rows = (0..<8).map { "\($0), 00000000:0\($0 + 1):00.0, NVIDIA GeForce RTX 5060 Ti, 16311 MiB, 12.0, 180.00 W, 180.00 W, Disabled, [N/A], 580.159.03" }
        machine.commands[NvidiaSMIProber.queryArgv] = .output("index, pci.bus_id, name, memory.total [MiB], compute_cap, power.limit [W], power.default_limit [W], persistence_mode, mig.mode.current, driver_version\n" + rows.joined(separator: "\n"))
        machine.commands[NvidiaSMIProber.xmlArgv] = CommandResult(outcome: .timedOut(seconds: 5))
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value)
        #expect(gpus.count == 8)
        #expect(gpus.map(\.busID).first == "0000:01:00.0")
        #expect(gpus.allSatisfy { $0.vramBytes == .value(mib(16311)) && $0.computeCapability == .value("12.0") })
        #expect(gpus.first?.bar1Bytes == .unknown("nvidia-smi -q -x timed out after 5 s"))
    }
}
