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

@Suite struct LscpuTests {
    @Test func newLayoutRyzen5600X() throws {
        let lscpu = Lscpu.parseText(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_ryzen5_5600x_newformat.txt"))
        #expect(lscpu.modelName == "AMD Ryzen 5 5600X 6-Core Processor")
        #expect(lscpu.fields["BIOS Model name"] == "AMD Ryzen 5 5600X 6-Core Processor")
        #expect(lscpu.vendor == "AuthenticAMD")
        #expect(lscpu.sockets == 1)
        #expect(lscpu.cores == 6)
        #expect(lscpu.cpus == 12)
        #expect(lscpu.maxMHz == 4650.292)
        #expect(lscpu.virtualization == "AMD-V")
        #expect(lscpu.flags.contains("svm"))
    }

    @Test func oldLayoutRyzen5950XWithoutMaxMHz() throws {
        let lscpu = Lscpu.parseText(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_ryzen9_5950x.txt"))
        #expect(lscpu.modelName == "AMD Ryzen 9 5950X 16-Core Processor")
        #expect(lscpu.cores == 16)
        #expect(lscpu.threadsPerCore == 2)
        #expect(lscpu.cpus == 32)
        #expect(lscpu.maxMHz == nil)
    }

    @Test func dualEpyc7742() throws {
        let lscpu = Lscpu.parseText(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_dual_epyc7742_256cpu_numa8.txt"))
        #expect(lscpu.sockets == 2)
        #expect(lscpu.cores == 128)
        #expect(lscpu.cpus == 256)
        #expect(lscpu.maxMHz == 2250)
        #expect(lscpu.fields["L3 cache"] == "512 MiB")
    }

    @Test func oldestLayoutDualXeon() throws {
        let lscpu = Lscpu.parseText(try Fixture.text("tools/06_lscpu_cpuinfo/lscpu_dual_xeon_gold6148.txt"))
        #expect(lscpu.modelName == "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz")
        #expect(lscpu.vendor == "GenuineIntel")
        #expect(lscpu.cores == 40)
        #expect(lscpu.cpus == 80)
        #expect(lscpu.virtualization == "VT-x")
        #expect(lscpu.fields["L3 cache"] == "28160K")
        #expect(lscpu.flags.contains("vmx"))
    }

    @Test func jsonGrace4SocketAarch64() throws {
        let lscpu = try #require(Lscpu.parseJSON(try Fixture.data("tools/06_lscpu_cpuinfo/lscpu_J_grace_4socket_288cpu_aarch64.txt")))
        #expect(lscpu.architecture == "aarch64")
        #expect(lscpu.vendor == "ARM")
        #expect(lscpu.modelName == nil)
        #expect(lscpu.sockets == 4)
        #expect(lscpu.cores == 288)
        #expect(lscpu.cpus == 288)
        #expect(lscpu.maxMHz == 3420)
        #expect(lscpu.fields["NUMA node(s)"] == "36")
        #expect(lscpu.fields["NUMA node4 CPU(s)"] == nil)
    }

    @Test func nestedJSONOfNewerUtilLinux() throws {
        let json = #"{"lscpu":[{"field":"Architecture:","data":"x86_64","children":[{"field":"CPU op-mode(s):","data":"32-bit, 64-bit"}]},{"field":"Vendor ID:","data":"GenuineIntel","children":[{"field":"Model name:","data":"Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz","children":[{"field":"Socket(s):","data":"1"},{"field":"Core(s) per socket:","data":"6"}]}]}]}"#
        let lscpu = try #require(Lscpu.parseJSON(Data(json.utf8)))
        #expect(lscpu.modelName == "Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz")
        #expect(lscpu.cores == 6)
    }
}

import Foundation
