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

@Suite struct ProbeRunnerTests {
    func facts(_ host: String, _ wanted: Set<FactGroup> = FactGroup.standard) async throws -> Facts {
        await ProbeRunner.probe(wanted, on: try ReplaySystem(directory: try Fixture.host(host)))
    }

    @Test func h100Node() async throws {
        let facts = try await facts("h100-node")
        #expect(facts.os?.id == .value("ubuntu"))
        #expect(facts.os?.version == .value("22.04"))
        #expect(facts.os?.kernel == .value("5.15.0-119-generic"))
        #expect(facts.hostname == .value("h100-node"))
        #expect(facts.cpu?.model == .value("AMD EPYC 7451 24-Core Processor"))
        #expect(facts.cpu?.sockets == .value(2))
        #expect(facts.cpu?.cores == .value(48))
        #expect(facts.cpu?.threads == .value(96))
        #expect(facts.cpu?.virtualization == .value("svm"))
        #expect(facts.memory?.totalBytes == .value(kib(264_026_876)))
        #expect(facts.memory?.slots == .value(8))
        #expect(facts.memory?.dimms.value?.count == 8)
        #expect(facts.memory?.dimms.value?.first == DIMMFacts(locator: "NODE 1/DIMM_A1", sizeBytes: gib(64), type: "DDR4",
                                                                ratedSpeedMTs: 3200, configuredSpeedMTs: 3200))
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(facts.gpus?.value?.count == 1)
        #expect(gpu.busID == "0000:00:09.0")
        #expect(gpu.vendor == "nvidia")
        #expect(gpu.model == .value("NVIDIA H100 80GB HBM3"))
        #expect(gpu.deviceID == .value("0x2330"))
        #expect(gpu.vramBytes == .value(mib(81559)))
        #expect(gpu.computeCapability == .value("9.0"))
        #expect(gpu.powerLimitWatts == .value(700))
        #expect(gpu.defaultPowerLimitWatts == .value(700))
        #expect(gpu.persistenceMode == .value(true))
        #expect(gpu.bar1Bytes == .value(mib(131_072)))
        #expect(gpu.migEnabled == .value(false))
        #expect(facts.nvidiaDriver?.version == .value("590.48.01"))
        #expect(facts.nvidiaDriver?.flavor == .value("open"))
        #expect(facts.cuda?.toolkits == .value([CUDAToolkitFacts(path: "/usr/local/cuda-13.0", version: "13.0.2")]))
        #expect(facts.cuda?.nvcc == .value("13.0.88"))
        #expect(facts.cuda?.driverSupports == .value("13.1"))
        #expect(facts.storage == .value([DiskFacts(name: "nvme0n1", model: "Samsung SSD 990 EVO Plus 1TB", sizeBytes: 1_000_204_886_016,
                                                   rotational: false, transport: "nvme")]))
        #expect(facts.board?.name == .value("KRPG-U8-M Series"))
        #expect(facts.board?.biosVersion == .value("0701"))
        #expect(facts.board?.biosDate == .value("09/07/2022"))
        #expect(facts.firmware?.bootMode == .value("uefi"))
        #expect(facts.firmware?.secureBoot == .value(false))
        #expect(facts.firmware?.iommu == .value(true))
        #expect(facts.packages == nil)
    }

    @Test func rtx3090DesktopWithFailingSources() async throws {
        let facts = try await facts("rtx3090-desktop")
        #expect(facts.os?.architecture == .value("x86_64"))
        #expect(facts.cpu?.model == .value("AMD Ryzen 9 5950X 16-Core Processor"))
        #expect(facts.cpu?.cores == .value(16))
        #expect(facts.cpu?.threads == .value(32))
        #expect(facts.cpu?.virtualization == .value("svm"))
        #expect(facts.cpu?.maxFrequencyMHz == .unknown("no cpufreq in /sys (frequency scaling off, or a VM)"))
        #expect(facts.memory?.dimms == .unknown("needs root (dmidecode reads the SMBIOS tables)"))
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.model == .value("NVIDIA GeForce RTX 3090"))
        #expect(gpu.bar1Bytes == .value(mib(256)))
        #expect(gpu.computeCapability == .value("8.6"))
        #expect(facts.nvidiaDriver?.version == .value("590.44.01"))
        #expect(facts.nvidiaDriver?.flavor == .unknown("/proc/driver/nvidia/version unreadable; /sys/module/nvidia/version does not say open or proprietary"))
        #expect(facts.cuda?.nvcc == .unknown("nvcc exited with status 127"))
        #expect(facts.cuda?.toolkits == .value([]))
        #expect(facts.storage == .unknown("lsblk exited with status 1: lsblk: failed to access sysfs directory: /sys/dev/block: Permission denied"))
        #expect(facts.board?.vendor == .value("ASUSTeK COMPUTER INC."))
        #expect(facts.board?.biosVersion == .value("1807"))
        #expect(facts.firmware?.bootMode == .value("legacy"))
        #expect(facts.firmware?.secureBoot == .value(false))
        #expect(facts.firmware?.iommu == .value(false))
    }

    @Test func vmWithoutGPUExplainsItsUnknowns() async throws {
        let facts = try await facts("vm-no-gpu")
        #expect(facts.os?.id == .value("debian"))
        #expect(facts.hostname == .value("vm"))
        #expect(facts.gpus == .value([]))
        #expect(facts.cpu?.threads == .value(2))
        #expect(facts.memory?.dimms == .unknown("dmidecode not installed"))
        #expect(facts.nvidiaDriver?.version == .unknown("NVIDIA kernel module not loaded"))
        #expect(facts.cuda?.nvcc == .unknown("nvcc not installed"))
        #expect(facts.cuda?.driverSupports == .unknown("nvidia-smi not installed"))
        #expect(facts.board?.name == .unknown("no /sys/class/dmi/id; dmidecode not installed"))
        #expect(facts.firmware?.bootMode == .value("legacy"))
        #expect(facts.storage?.value?.map(\.name) == ["vda"])
    }

    @Test func computeNodeAndWorkstationMatchTheirSpecs() async throws {
        let node = try await facts("compute-node")
        #expect(node.cpu?.model == .value("Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz"))
        #expect(node.cpu?.cores == .value(6))
        #expect(node.cpu?.threads == .value(12))
        #expect(node.cpu?.maxFrequencyMHz == .value(3600))
        #expect(node.memory?.dimms.value?.map(\.sizeBytes) == [gib(8), gib(8), gib(8), gib(8)])
        #expect(node.gpus?.value?.first?.vramBytes == .value(gib(24)))
        #expect(node.nvidiaDriver?.version == .value("570.124.04"))
        #expect(node.cuda?.driverSupports == .value("12.8"))
        #expect(node.storage?.value?.first?.model == "Samsung SSD 970 EVO Plus 1TB")

        let workstation = try await facts("workstation")
        let gpu = try #require(workstation.gpus?.value?.first)
        #expect(gpu.model == .value("NVIDIA GeForce RTX 5070 Ti"))
        #expect(gpu.computeCapability == .value("12.0"))
        #expect(gpu.powerLimitWatts == .value(300))
        #expect(gpu.bar1Bytes == .value(mib(16384)))
        #expect(workstation.nvidiaDriver?.version == .value("575.64.03"))
        #expect(workstation.nvidiaDriver?.flavor == .value("open"))
        #expect(workstation.cuda?.nvcc == .value("12.8.93"))
        #expect(workstation.firmware?.secureBoot == .value(false))
        #expect(workstation.os?.version == .value("24.04"))
        #expect(workstation.cpu?.maxFrequencyMHz == .value(5050))
        #expect(workstation.memory?.dimms.value?.map(\.sizeBytes) == [gib(32), gib(32)])
        #expect(workstation.storage?.value?.first?.model == "Samsung SSD 990 EVO Plus 2TB")
    }

    @Test func onlyWantedGroupsAreGathered() async throws {
        var machine = FakeSystem()
        machine.files["/proc/driver/nvidia/version"] = try Fixture.text("tools/04_proc_driver_nvidia_version/ubuntu2204_550.144.03_open.txt")
        // nvidia-smi would hang: asking only for the driver must not start it.
        machine.hanging = [NvidiaSMIProber.queryArgv, NvidiaSMIProber.memoryArgv, NvidiaSMIProber.xmlArgv]
        let facts = await ProbeRunner.probe([.nvidiaDriver], on: machine, timeout: .seconds(30))
        #expect(facts.nvidiaDriver?.version == .value("550.144.03"))
        #expect(facts.nvidiaDriver?.flavor == .value("open"))
        #expect(facts.gpus == nil)
        #expect(facts.cuda == nil)
        #expect(facts.os == nil)
    }

    @Test func jsonIsDeterministicAndRoundTrips() async throws {
        let first = try await facts("h100-node")
        let second = try await facts("h100-node")
        let data = try first.jsonData()
        #expect(data == (try second.jsonData()))
        #expect(try Facts.decode(data) == first)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""busID" : "0000:00:09.0""#))
        #expect(text.contains(#""maxFrequencyMHz" : {"#))
        #expect(text.contains(#""unknown" : "no cpufreq in /sys (frequency scaling off, or a VM)""#))
    }
}

/// The real H100 recorded by the lead with `rigctl probe --record` (hosts/h100-device/SOURCE.md).
@Suite struct RecordedH100Tests {
    @Test func replayMatchesTheLiveRunOnThatMachine() async throws {
        let directory = try Fixture.host("h100-device")
        let replayed = await ProbeRunner.probe(FactGroup.standard, on: try ReplaySystem(directory: directory))
        var expected = try Facts.decode(try Fixture.data("hosts/h100-device/expected-facts.json"))
        // The one change since that run: a toolkit directory without version.json now counts
        // (CUDA 13.0 there ships none); before, the list came out empty.
        expected.cuda?.toolkits = .value([CUDAToolkitFacts(path: "/usr/local/cuda-13.0", version: "13.0")])
        #expect(replayed == expected)
    }

    @Test func concreteValues() async throws {
        let facts = await ProbeRunner.probe(FactGroup.standard, on: try ReplaySystem(directory: try Fixture.host("h100-device")))
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.busID == "0000:00:06.0")
        #expect(gpu.model == .value("NVIDIA H100 80GB HBM3"))
        #expect(gpu.vramBytes == .value(mib(81559)))
        #expect(gpu.computeCapability == .value("9.0"))
        #expect(gpu.bar1Bytes == .value(mib(131_072)))
        #expect(facts.nvidiaDriver?.version == .value("580.159.04"))
        #expect(facts.nvidiaDriver?.flavor == .value("open"))
        #expect(facts.cuda?.nvcc == .value("13.0.88"))
        #expect(facts.cuda?.driverSupports == .value("13.0"))
        #expect(facts.os?.prettyName == .value("Ubuntu 24.04.3 LTS"))
        #expect(facts.cpu?.threads == .value(16))
        #expect(facts.board?.name == .unknown("no /sys/class/dmi/id; dmidecode not installed"))
    }
}

@Suite struct ProbeRunnerStartOrderTests {
    /// Probers that run programs start first (their programs run while the file readers work);
    /// within each kind the list's order is kept.
    @Test func commandRunnersStartFirst() {
        let probers: [any Prober] = [OSReleaseProber(), StorageProber(), HostnameProber(), NvidiaSMIProber(), CPUProber()]
        #expect(ProbeRunner.startOrder(probers) == [1, 3, 0, 2, 4])
        #expect(ProbeRunner.startOrder([]) == [])
    }

    /// The runner's own list: lsblk (storage) and nvidia-smi start before any file reader.
    @Test func defaultProbersStartWithThePrograms() throws {
        let order = ProbeRunner.startOrder(ProbeRunner.probers).map { ProbeRunner.probers[$0] }
        let firstFileReader = try #require(order.firstIndex { !$0.runsCommands })
        #expect(try #require(order.firstIndex { $0 is StorageProber }) < firstFileReader)
        #expect(try #require(order.firstIndex { $0 is NvidiaSMIProber }) < firstFileReader)
        #expect(!OSReleaseProber().runsCommands && StorageProber().runsCommands)
    }
}
