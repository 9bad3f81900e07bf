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

@Suite struct UnitsTests {
    @Test func sizes() {
        #expect(Units.bytes("81559 MiB") == 85_520_809_984)
        #expect(Units.bytes("16 GB") == 17_179_869_184)
        #expect(Units.bytes("4K") == 4096)
        #expect(Units.bytes("No Module Installed") == nil)
        #expect(Units.bytes("12 parsecs") == nil)
    }

    @Test func powerAndSpeed() {
        #expect(Units.watts("350.00 W") == 350)
        #expect(Units.watts("170.0W") == 170)
        #expect(Units.watts("N/A") == nil)
        #expect(Units.megatransfers("4800 MT/s") == 4800)
        #expect(Units.megatransfers("Unknown") == nil)
    }
}
