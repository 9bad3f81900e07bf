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
        machine.commands[CPUProber.lscpuArgv] = .output(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_J_grace_4socket_288cpu_aarch64.txt"))
        let cpu = await ProbeRunner.probe([.cpu], on: machine).cpu
        #expect(cpu?.threads == .value(2))
        #expect(cpu?.vendor == .value("ARM"))
        #expect(cpu?.model == .unknown("/proc/cpuinfo does not say"))
        #expect(cpu?.sockets == .value(4))
        #expect(cpu?.cores == .value(288))
        #expect(cpu?.maxFrequencyMHz == .value(3420))
        #expect(cpu?.virtualization == .unknown("vmx/svm flags exist only on x86 (this is aarch64)"))
    }
}
