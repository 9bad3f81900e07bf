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
