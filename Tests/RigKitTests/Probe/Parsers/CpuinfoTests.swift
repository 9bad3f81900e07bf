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

@Suite struct CpuinfoTests {
    @Test func dualEpyc7451() throws {
        let info = Cpuinfo.parse(try Fixture.text("tools/06_lscpu_cpuinfo/cpuinfo_dual_epyc7451_96cpu.txt"))
        #expect(info.vendor == "AuthenticAMD")
        #expect(info.modelName == "AMD EPYC 7451 24-Core Processor")
        #expect(info.processors == 96)
        #expect(info.sockets == 2)
        #expect(info.cores == 48)
        #expect(info.virtualizationFlag == "svm")
    }

    @Test func twoVCPUVMWithoutVirtualizationFlag() throws {
        let info = Cpuinfo.parse(try Fixture.text("tools/06_lscpu_cpuinfo/cpuinfo_i5_8279u_2cpu_vm.txt"))
        #expect(info.modelName == "Intel(R) Core(TM) i5-8279U CPU @ 2.40GHz")
        #expect(info.processors == 2)
        #expect(info.sockets == 2)
        #expect(info.cores == 2)
        #expect(info.flags.contains("hypervisor"))
        #expect(info.virtualizationFlag == "none")
    }
}
