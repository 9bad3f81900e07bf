import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct GPUSettingsUnitTests {
    @Test func theUnitRunsNvidiaSmiForWhatIsSet() throws {
        let unit = try #require(GPUSettingsUnit(.init(powerLimit: PlanExamples.quantity("280 W", .power), persistence: true)))
        #expect(unit.powerLimitWatts == 280)
        #expect(unit.file.path == "/etc/systemd/system/rigctl-gpu-settings.service")
        #expect(unit.file.contents.contains("ExecStart=/usr/bin/nvidia-smi --persistence-mode=1\nExecStart=/usr/bin/nvidia-smi --power-limit=280\n"))
        #expect(unit.file.contents.contains("Type=oneshot\nRemainAfterExit=yes\n"))
        #expect(unit.summary == "persistence on, power limit 280 W")
    }

    @Test func kilowattsBecomeWholeWattsAndNothingSetMeansNoUnit() throws {
        let unit = try #require(GPUSettingsUnit(.init(powerLimit: PlanExamples.quantity("0.3 kW", .power), persistence: false)))
        #expect(unit.powerLimitWatts == 300)
        #expect(unit.file.contents.contains("--persistence-mode=0"))
        #expect(GPUSettingsUnit(.init()) == nil)
    }
}
