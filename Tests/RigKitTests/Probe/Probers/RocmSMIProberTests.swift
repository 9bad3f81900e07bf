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

@Suite struct RocmSMIProberTests {
    @Test func fourMI100MergedByBusID() async throws {
        var machine = FakeSystem()
        let buses = ["0000:83:00.0", "0000:a3:00.0", "0000:c3:00.0", "0000:e3:00.0"]
        machine.directories["/sys/bus/pci/devices"] = buses
        for bus in buses {
            machine.files["/sys/bus/pci/devices/\(bus)/class"] = "0x038000\n"
            machine.files["/sys/bus/pci/devices/\(bus)/vendor"] = "0x1002\n"
            machine.files["/sys/bus/pci/devices/\(bus)/device"] = "0x738c\n"
        }
        machine.commands[RocmSMIProber.argv] = .output(try Fixture.text("tools/12_rocm_smi/mi100_rocm6.0.2_json.txt"))
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value)
        #expect(gpus.count == 4)
        #expect(gpus.allSatisfy { $0.model == .value("Arcturus GL-XL [Instinct MI100]") })
        #expect(gpus.allSatisfy { $0.vramBytes == .value(34_342_961_152) && $0.powerLimitWatts == .value(290) })
    }

    @Test func notInstalled() async {
        var machine = FakeSystem()
        machine.directories["/sys/bus/pci/devices"] = ["0000:07:00.0"]
        machine.files["/sys/bus/pci/devices/0000:07:00.0/class"] = "0x030000\n"
        machine.files["/sys/bus/pci/devices/0000:07:00.0/vendor"] = "0x1002\n"
        let gpu = await ProbeRunner.probe([.gpus], on: machine).gpus?.value?.first
        #expect(gpu?.powerLimitWatts == .unknown("rocm-smi not installed"))
        #expect(gpu?.model == .unknown("lspci not installed"))
    }
}
