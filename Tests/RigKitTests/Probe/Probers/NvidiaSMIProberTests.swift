import Foundation
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

@Suite struct NvidiaSMIProberTests {
    /// The two calls as they ran on the lent H100 (query output from hosts/h100-device, memory
    /// text captured on the same machine).
    @Test func realH100() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = .output(try Fixture.text("hosts/h100-device/commands/nvidia-smi-a31082e7.out"))
        machine.commands[NvidiaSMIProber.memoryArgv] = .output(try Fixture.text("tools/13_nvidia_smi_query_text/h100_580.159.04_q_d_memory.txt"))
        machine.hanging = [NvidiaSMIProber.xmlArgv]  // never needed when -q -d MEMORY answers
        let facts = await ProbeRunner.probe([.gpus, .cuda], on: machine, timeout: .seconds(30))
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.busID == "0000:00:06.0")
        #expect(gpu.model == .value("NVIDIA H100 80GB HBM3"))
        #expect(gpu.vramBytes == .value(mib(81559)))
        #expect(gpu.computeCapability == .value("9.0"))
        #expect(gpu.powerLimitWatts == .value(700))
        #expect(gpu.persistenceMode == .value(true))
        #expect(gpu.migEnabled == .value(false))
        #expect(gpu.bar1Bytes == .value(mib(131_072)))
        #expect(facts.cuda?.driverSupports == .value("13.0"))
    }

    /// A container with the driver's user space but no /proc/driver/nvidia or /sys/module/nvidia:
    /// the version is nvidia-smi's own, the flavour stays unknown and says why.
    @Test func driverVersionFromNvidiaSMIWhenTheModuleFilesAreMissing() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = .output(try Fixture.text("hosts/h100-device/commands/nvidia-smi-a31082e7.out"))
        machine.commands[NvidiaSMIProber.memoryArgv] = .output(try Fixture.text("tools/13_nvidia_smi_query_text/h100_580.159.04_q_d_memory.txt"))
        let driver = try #require(await ProbeRunner.probe([.nvidiaDriver], on: machine, timeout: .seconds(30)).nvidiaDriver)
        #expect(driver.version == .value("580.159.04"))
        #expect(driver.flavor == .unknown("NVIDIA kernel module not loaded; nvidia-smi reports the version but not open or proprietary"))
    }

    @Test func theKernelModulesVersionWinsOverNvidiaSMIs() async throws {
        var machine = FakeSystem()
        machine.files["/proc/driver/nvidia/version"] = try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu2204_550.144.03_open.txt")
        machine.commands[NvidiaSMIProber.queryArgv] = .output(try Fixture.text("hosts/h100-device/commands/nvidia-smi-a31082e7.out"))
        let driver = try #require(await ProbeRunner.probe([.nvidiaDriver], on: machine, timeout: .seconds(30)).nvidiaDriver)
        #expect(driver.version == .value("550.144.03"))
        #expect(driver.flavor == .value("open"))
    }

    /// Rows are read by field name: without a `pci.bus_id` column a row takes the bus id of the
    /// `-q` GPU at its index, and keeps its own values.
    @Test func rowsWithoutBusIDTakeTheBusOfTheirIndex() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = .output(
            "index, name, memory.total [MiB], compute_cap, power.limit [W], power.default_limit [W], persistence_mode, mig.mode.current, driver_version\n"
            + "0, NVIDIA H100 80GB HBM3, 81559 MiB, 9.0, 650.00 W, 700.00 W, Enabled, Disabled, 580.159.04\n")
        machine.commands[NvidiaSMIProber.memoryArgv] = .output(try Fixture.text("tools/13_nvidia_smi_query_text/h100_580.159.04_q_d_memory.txt"))
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine, timeout: .seconds(30)).gpus?.value)
        #expect(gpus.count == 1)
        #expect(gpus.first?.busID == "0000:00:06.0")
        #expect(gpus.first?.powerLimitWatts == .value(650))
        #expect(gpus.first?.computeCapability == .value("9.0"))
        #expect(gpus.first?.bar1Bytes == .value(mib(131_072)))
    }

    @Test func oldDriverWithoutComputeCapFieldIsAskedAgainWithoutIt() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = CommandResult(
            outcome: .exited(2), stderr: Data("Field \"compute_cap\" is not a valid field to query.\n".utf8))
        machine.commands[NvidiaSMIProber.query(NvidiaSMIProber.fields.filter { $0 != "compute_cap" })] = .output(
            "index, pci.bus_id, name, memory.total [MiB], power.limit [W], power.default_limit [W], persistence_mode, mig.mode.current, driver_version\n"
            + "0, 00000000:00:10.0, NVIDIA GeForce RTX 3090, 24576 MiB, 200.00 W, 350.00 W, Enabled, [N/A], 470.63.01\n")
        // A host recorded before -q -d MEMORY: the XML is replayed instead.
        machine.commands[NvidiaSMIProber.xmlArgv] = .output(try Fixture.text("tools/01_nvidia_smi_xml/rtx3090_525.147.05_v12.txt"))
        let facts = await ProbeRunner.probe([.gpus, .cuda], on: machine)
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.busID == "0000:00:10.0")
        #expect(gpu.model == .value("NVIDIA GeForce RTX 3090"))
        #expect(gpu.powerLimitWatts == .value(200))
        #expect(gpu.defaultPowerLimitWatts == .value(350))
        #expect(gpu.bar1Bytes == .value(mib(32768)))
        #expect(gpu.computeCapability == .unknown("this nvidia-smi has no compute_cap field"))
        #expect(gpu.deviceID == .unknown("not in /sys/bus/pci"))
        #expect(facts.cuda?.driverSupports == .value("12.0"))
    }

    @Test func xmlAloneWhenTheQueryFails() async throws {
        var machine = FakeSystem()
        machine.commands[NvidiaSMIProber.queryArgv] = CommandResult(outcome: .exited(15), stderr: Data("Unknown Error\n".utf8))
        machine.commands[NvidiaSMIProber.xmlArgv] = .output(try Fixture.text("tools/01_nvidia_smi_xml/a100_sxm4_80gb_mig_535.54.03_v12.txt"))
        let gpu = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value?.first)
        #expect(gpu.model == .value("NVIDIA A100-SXM4-80GB"))
        #expect(gpu.migEnabled == .value(true))
        #expect(gpu.computeCapability == .unknown("nvidia-smi exited with status 15: Unknown Error"))
    }

    @Test func eightGPUsFromCSVWhenTheMemoryCallHangs() async throws {
        var machine = FakeSystem()
        let rows = (0..<8).map { "\($0), 00000000:0\($0 + 1):00.0, NVIDIA GeForce RTX 5060 Ti, 16311 MiB, 12.0, 180.00 W, 180.00 W, Disabled, [N/A], 580.159.03" }
        machine.commands[NvidiaSMIProber.queryArgv] = .output("index, pci.bus_id, name, memory.total [MiB], compute_cap, power.limit [W], power.default_limit [W], persistence_mode, mig.mode.current, driver_version\n" + rows.joined(separator: "\n"))
        machine.commands[NvidiaSMIProber.memoryArgv] = CommandResult(outcome: .timedOut(seconds: 5))
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value)
        #expect(gpus.count == 8)
        #expect(gpus.map(\.busID).first == "0000:01:00.0")
        #expect(gpus.allSatisfy { $0.vramBytes == .value(mib(16311)) && $0.computeCapability == .value("12.0") })
        #expect(gpus.first?.bar1Bytes == .unknown("nvidia-smi -q -d MEMORY timed out after 5 s"))
    }
}
