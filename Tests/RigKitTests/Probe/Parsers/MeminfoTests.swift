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

@Suite struct MeminfoTests {
    @Test func serverWithOverflowingColumnsAndHugePages() throws {
        let meminfo = Meminfo.parse(try Fixture.text("tools/07_meminfo/server_256GB_hugepages_1G_telegraf.txt"))
        #expect(meminfo.totalBytes == kib(264_026_876))
        #expect(meminfo.values["HugePages_Total"] == 2048)
        #expect(meminfo.values["Hugetlb"] == kib(12_582_912))
    }

    @Test func smallVM() throws {
        let meminfo = Meminfo.parse(try Fixture.text("tools/07_meminfo/vm_4GB_jc.txt"))
        #expect(meminfo.totalBytes == kib(3_997_272))
        #expect(meminfo.values["SwapTotal"] == kib(3_996_668))
    }
}
