import Testing
@testable import RigKit

@Suite struct CPUProberTests {
    @Test func cpuinfoAndCpufreqWithoutLscpu() async throws {
        var machine = FakeSystem()
        machine.files["/proc/cpuinfo"] = try Fixture.text("tools/06_lscpu_cpuinfo/cpuinfo_dual_epyc7451_96cpu.txt")
        machine.files[CPUProber.maxFrequencyPath] = "2300000\n"
        machine.hanging = [CPUProber.lscpuArgv]  // must not be needed
        let cpu = await ProbeRunner.probe([.cpu], on: machine, timeout: .seconds(30)).cpu
        #expect(cpu?.model == .value("AMD EPYC 7451 24-Core Processor"))
        #expect(cpu?.cores == .value(48))
        #expect(cpu?.maxFrequencyMHz == .value(2300))
    }

    @Test func armCpuinfoFallsBackToLscpu() async throws {
        var machine = FakeSystem()
        // An aarch64 kernel's cpuinfo: no model name, no physical id.
        machine.files["/proc/cpuinfo"] = "processor\t: 0\nBogoMIPS\t: 2000.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n\nprocessor\t: 1\nBogoMIPS\t: 2000.00\n"
        machine.commands[CPUProber.lscpuArgv] = .output(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_dual_epyc7742_256cpu_numa8.txt"))
        let cpu = await ProbeRunner.probe([.cpu], on: machine).cpu
        #expect(cpu?.threads == .value(2))
        #expect(cpu?.model == .value("AMD EPYC 7742 64-Core Processor"))
        #expect(cpu?.sockets == .value(2))
        #expect(cpu?.cores == .value(128))
        #expect(cpu?.maxFrequencyMHz == .value(2250))
        #expect(cpu?.virtualization == .value("svm"))
    }
}
