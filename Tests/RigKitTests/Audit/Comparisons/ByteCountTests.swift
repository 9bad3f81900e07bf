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

@Suite struct ByteCountTests {
    @Test func binaryAndDecimal() {
        #expect(ByteCount.binary(34_359_738_368) == "32 GiB")
        #expect(ByteCount.binary(32_821_243_904) == "30.6 GiB")
        #expect(ByteCount.decimal(1_000_204_886_016) == "1 TB")
        #expect(ByteCount.decimal(1_099_511_627_776) == "1.1 TB")
        #expect(ByteCount.decimal(512) == "512 B")
    }
}
