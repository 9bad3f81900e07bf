import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigEmit
@testable import RigSpec

/// Numbers a tool prints are checked before they become facts: a size, speed, count or power
/// that does not fit (20 digits, 1e30, negative, infinity) makes the fact `unknown` with the
/// text it could not read, and never traps or turns into a garbage value.
@Suite struct OutOfRangeNumberTests {
    static let twenty = "99999999999999999999"

    @Test func unitsRefuseWhatDoesNotFit() {
        #expect(Units.bytes("\(Self.twenty) GB") == nil)
        #expect(Units.bytes("18446744073709551615") == 18_446_744_073_709_551_615 || Units.bytes("18446744073709551615") == nil)
        #expect(Units.bytes("16 GB") == 17_179_869_184)
        #expect(Units.megatransfers("\(Self.twenty) MT/s") == nil)
        #expect(Units.megatransfers("4800 MT/s") == 4800)
        #expect(Units.watts("1" + String(repeating: "0", count: 400) + " W") == nil)
        #expect(Units.watts("350.00 W") == 350)
    }

    @Test func dmidecodeHugeSizeAndSpeed() async {
        var machine = FakeSystem()
        machine.files["/proc/self/status"] = "Name:\trigctl\nUid:\t0\t0\t0\t0\n"
        machine.files["/proc/meminfo"] = "MemTotal:       32768000 kB\n"
        machine.commands[["dmidecode", "-t", "17"]] = .output("""
            Handle 0x0040, DMI type 17, 92 bytes
            Memory Device
            \tSize: \(Self.twenty) GB
            \tLocator: DIMM_A1
            \tSpeed: \(Self.twenty) MT/s

            """)
        let facts = await ProbeRunner.probe([.memory], on: machine)
        #expect(facts.memory?.dimms == .unknown("dmidecode: the size of DIMM_A1 is not a size rigctl can read: \(Self.twenty) GB"))
        #expect(facts.memory?.slots == .value(1))
        let devices = Dmidecode.parse("Handle 0x1, DMI type 17, 92 bytes\nMemory Device\n\tSize: 16 GB\n\tSpeed: \(Self.twenty) MT/s\n").memoryDevices
        #expect(devices.first?.sizeBytes == 17_179_869_184)
        #expect(devices.first?.ratedSpeedMTs == nil)
    }

    @Test func meminfoHugeMemTotal() async {
        var machine = FakeSystem()
        machine.files["/proc/meminfo"] = "MemTotal:       \(Self.twenty) kB\n"
        #expect(await ProbeRunner.probe([.memory], on: machine).memory?.totalBytes == .unknown("/proc/meminfo: MemTotal is out of range"))
        // Fits UInt64 as a number, but not once multiplied by 1024.
        machine.files["/proc/meminfo"] = "MemTotal:       18446744073709551615 kB\n"
        #expect(await ProbeRunner.probe([.memory], on: machine).memory?.totalBytes == .unknown("/proc/meminfo: MemTotal is out of range"))
    }

    @Test func lscpuSocketsTimesCoresOverflow() {
        func json(_ fields: [(String, String)]) -> Data {
            Data(("{\"lscpu\": [" + fields.map { "{\"field\": \"\($0.0)\", \"data\": \"\($0.1)\"}" }.joined(separator: ",") + "]}").utf8)
        }
        let lscpu = Lscpu.parseJSON(json([("Socket(s):", "9223372036854775807"), ("Core(s) per socket:", "4"), ("CPU(s):", "-5")]))
        #expect(lscpu?.sockets == 9_223_372_036_854_775_807)
        #expect(lscpu?.cores == nil)
        #expect(lscpu?.cpus == nil)
        #expect(Lscpu.parseJSON(json([("CPU max MHz:", "inf")]))?.maxMHz == nil)
    }

    @Test func cpufreqInfinityIsUnknown() async throws {
        var machine = FakeSystem()
        machine.files[CPUProber.maxFrequencyPath] = "inf\n"
        let facts = await ProbeRunner.probe([.cpu], on: machine)
        #expect(facts.cpu?.maxFrequencyMHz == .unknown("cpuinfo_max_freq is not a number in range"))
        _ = try facts.jsonData()
    }

    @Test(arguments: ["1e30", "-5", "5.5", "\"1e30\"", "\"-5\""])
    func lsblkSizeThatIsNotAByteCount(size: String) async throws {
        var machine = FakeSystem()
        machine.commands[StorageProber.argv] = .output(#"{"blockdevices": [{"name": "sda", "type": "disk", "size": \#(size)}]}"#)
        let facts = await ProbeRunner.probe([.storage], on: machine)
        let reason = try #require(facts.storage?.reason)
        #expect(reason.hasPrefix("lsblk: the size of sda is not a byte count: "), "\(reason)")
    }

    @Test func lsblkRealSizeStillReads() async {
        var machine = FakeSystem()
        machine.commands[StorageProber.argv] = .output(#"{"blockdevices": [{"name": "sda", "type": "disk", "size": 1000204886016}]}"#)
        #expect(await ProbeRunner.probe([.storage], on: machine).storage?.value?.first?.sizeBytes == 1_000_204_886_016)
    }

    @Test func nvidiaSMIHugeMemoryAndInfinitePower() async throws {
        var machine = FakeSystem()
        let power = "1" + String(repeating: "0", count: 400) + " W"
        machine.commands[NvidiaSMIProber.queryArgv] = .output("""
            index, pci.bus_id, name, memory.total [MiB], compute_cap, power.limit [W], power.default_limit [W], persistence_mode, mig.mode.current, driver_version
            0, 00000000:01:00.0, NVIDIA GeForce RTX 3090, \(Self.twenty) MiB, 8.6, \(power), 350.00 W, Enabled, [N/A], 570.133.07

            """)
        let facts = await ProbeRunner.probe([.gpus], on: machine)
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.vramBytes == .unknown("nvidia-smi memory.total '\(Self.twenty) MiB' is not a value rigctl can read (garbage or out of range)"))
        #expect(gpu.powerLimitWatts.reason?.hasPrefix("nvidia-smi power.limit '1000") == true)
        #expect(gpu.defaultPowerLimitWatts == .value(350))
        // probe --json writes JSON: no infinity reaches the encoder.
        let json = String(decoding: try facts.jsonData(), as: UTF8.self)
        #expect(json.contains("\"unknown\" : \"nvidia-smi power.limit"))
    }

    @Test func formattersNeverTrapOnRecordedValues() {
        #expect(PowerBudget.format(1e30) == "1e+30 W")
        #expect(FactsSummary.number(.infinity) == "inf")
        #expect(ByteCount.binary(1e300).hasSuffix("PiB"))
        #expect(CommandResult(outcome: .timedOut(seconds: 1e308)).failureReason(program: "x")?.hasPrefix("x timed out after 1") == true)
    }
}
