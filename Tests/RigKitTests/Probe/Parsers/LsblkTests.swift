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

@Suite struct LsblkTests {
    @Test func bytesWithColumnsSkipsZram() throws {
        let lsblk = try Lsblk.parse(try Fixture.data("tools/10_lsblk/lsblk_J_b_cols_samsung990evoplus_zram.txt"))
        #expect(lsblk.devices.map(\.name) == ["zram0", "nvme0n1"])
        let disk = try #require(lsblk.disks.first)
        #expect(lsblk.disks.count == 1)
        #expect(disk.model == "Samsung SSD 990 EVO Plus 1TB")
        #expect(disk.sizeBytes == 1_000_204_886_016)
        #expect(disk.rotational == false)
        #expect(disk.transport == "nvme")
        #expect(disk.children.map(\.name) == ["nvme0n1p1", "nvme0n1p2", "nvme0n1p3"])
    }

    @Test func defaultColumnsHumanSizesAndNesting() throws {
        let lsblk = try Lsblk.parse(try Fixture.data("tools/10_lsblk/lsblk_J_default_ubuntu_luks_lvm_snaps.txt"))
        #expect(lsblk.devices.count == 14)
        #expect(lsblk.devices.filter { $0.type == "loop" }.count == 13)
        let disk = try #require(lsblk.disks.first)
        #expect(disk.name == "nvme0n1")
        #expect(disk.sizeBytes == UInt64((476.9 * 1_073_741_824).rounded()))
        #expect(disk.model == nil)
        let crypt = disk.children.last?.children.first
        #expect(crypt?.type == "crypt")
        #expect(crypt?.children.first?.type == "lvm")
    }

    @Test func rejectsOtherJSON() {
        #expect(throws: Lsblk.ParseError.notLsblkJSON) { try Lsblk.parse(Data("{}".utf8)) }
    }
}

import Foundation
