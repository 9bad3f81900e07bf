import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import RigText
import RigSpec
import RigSystem
import RigProbe
import RigTheme

/// Coverage-guided fuzz targets (libFuzzer) for everything rigctl reads from outside: the spec
/// loader (public `SpecLoader` API only, whichever YAML parser is behind it), the recorded-host
/// decoder, each tool-output parser and the JSONC merger. `scripts/fuzz` builds this library
/// with `-sanitize=fuzzer` and links it into a libFuzzer driver; `RIGCTL_FUZZ_TARGET` picks the
/// target. A target passes when it returns: every input must give a value or a thrown error,
/// never a trap, a hang or unbounded memory.
public enum FuzzTargets {
    public static let all: [String: @Sendable (Data) -> Void] = [
        "spec": spec,
        "recorded-host": recordedHost,
        "jsonc": jsonc,
        "dmidecode": { _ = Dmidecode.parse(text($0)).memoryDevices; _ = Dmidecode.parse(text($0)).bios },
        "lsblk": { _ = try? Lsblk.parse($0).disks },
        "lscpu": { _ = Lscpu.parseJSON($0)?.cores },
        "cpuinfo": { _ = Cpuinfo.parse(text($0)).virtualizationFlag },
        "meminfo": { _ = Meminfo.parse(text($0)).totalBytes },
        "lspci": { _ = Lspci.parseMachineReadable(text($0)) },
        "nvidia-smi-csv": { _ = NvidiaSMICSV.parse(text($0)).rows.map { $0["memory.total"] } },
        "nvidia-smi-query-text": { _ = NvidiaSMIQueryText.parse(text($0)).gpus },
        "nvidia-smi-xml": { _ = try? NvidiaSMIXML.parse(text($0)) },
        "nvcc": { _ = NvccVersion.parse(text($0)) },
        "os-release": { _ = OSRelease.parse(text($0)) },
        "proc-driver-nvidia": { _ = ProcDriverNvidiaVersion.parse(text($0)) },
        "rocm-smi": { _ = RocmSMI.parseJSON($0)?.cards },
        "amd-smi": { _ = AMDSMI.parseStatic($0)?.cards.map(\.gfxTarget) },
        "kfd-topology": { _ = KFDNodeProperties.parse(text($0)).pciAddress; _ = KFDNodeProperties.parse(text($0)).gfxTarget },
        "cuda-version-json": { _ = CUDAVersionJSON.parse($0); _ = CUDAVersionJSON.parseText(text($0)) },
        "driver-health": driverHealth,
        "pcie-link": pcieLink,
        "system-profiler": { _ = SystemProfiler.parse(text($0))?.appleGPU(chip: "Apple M2 Ultra")?.metal },
        "containers": { _ = DockerInfo.parse(text($0)); _ = NvidiaCTKVersion.parse(text($0)); _ = GroupFile.members(of: "docker", in: text($0)) },
    ]

    /// The input as each driver-health source: `dkms status`, `mokutil --sb-state`, modprobe.d and
    /// /proc/modules, apt.conf.d, nvidia-smi's NVML error, library and /boot file names.
    static func driverHealth(_ data: Data) {
        let input = text(data)
        _ = DKMSStatus.parse(input)
        _ = MokutilSBState.parse(input)
        _ = ModprobeConfig.blacklists("nouveau", in: input)
        _ = ProcModules.names(input)
        _ = AptConf.value(of: "APT::Periodic::Unattended-Upgrade", in: input)
        _ = AptConf.list("Unattended-Upgrade::Package-Blacklist", in: input)
        _ = NVMLLibrary.initializationError(input)
        _ = NVMLLibrary.reportedLibraryVersion(input)
        let names = input.split(separator: "\n").map(String.init)
        _ = NVMLLibrary.versions(in: names)
        let kernels = KernelRelease.installed(fromBoot: names)
        if kernels.count > 1 { _ = KernelRelease.precedes(kernels[0], kernels[1]) }
    }

    /// Four lines: current_link_width, max_link_width, current_link_speed, max_link_speed.
    static func pcieLink(_ data: Data) {
        var lines = text(data).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.count < 4 { lines.append("") }
        _ = PCIeLinkSysfs.parse(width: lines[0], maxWidth: lines[1], speed: lines[2], maxSpeed: lines[3], device: "0000:01:00.0")
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The input is a machine file; `include:` may name `stack.yaml`, which is the same input.
    static func spec(_ data: Data) {
        let yaml = text(data)
        _ = SpecLoader(readFile: { $0.hasSuffix(".yaml") ? yaml : nil }).load(file: "machines/fuzz.yaml")
    }

    /// The input is `commands/index.json`, then a NUL, then `filesystem.json` (either may be empty).
    static func recordedHost(_ data: Data) {
        let parts = data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        let storage = MemoryStorage(files: [
            "/fuzz/commands/index.json": parts.first.map { Data($0) } ?? Data(),
            "/fuzz/filesystem.json": parts.count > 1 ? Data(parts[1]) : Data("{\"directories\": {}, \"present\": [], \"errors\": {}}".utf8),
        ])
        guard let replay = try? ReplaySystem(directory: "/fuzz", storage: storage) else { return }
        _ = try? replay.listDirectory("/sys/bus/pci/devices")
        _ = try? replay.readFile("/proc/cpuinfo")
        _ = replay.fileExists("/sys/firmware/efi")
    }

    /// The input is a settings.json; two settings are merged into it.
    static func jsonc(_ data: Data) {
        let settings = [JSONSetting(key: "editor.background", value: "#0b2540"), JSONSetting(key: "terminal.foreground", value: "#e6eef7")]
        _ = try? JSONCMerger.set(settings, inObjectAt: "workbench.colorCustomizations", of: text(data))
    }
}

/// A read-only in-memory file tree for the recorded-host target.
struct MemoryStorage: System {
    var files: [String: Data]
    func readFile(_ path: String) throws(SystemError) -> Data {
        guard let data = files[path] else { throw .notFound(path) }
        return data
    }
    func listDirectory(_ path: String) throws(SystemError) -> [String] { throw .notFound(path) }
    func fileExists(_ path: String) -> Bool { path == "/fuzz" || files[path] != nil }
    func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult { CommandResult(outcome: .notFound) }
    func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
    func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
    func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
    func environment(_ name: String) -> String? { nil }
}

/// libFuzzer's entry point: runs the target `RIGCTL_FUZZ_TARGET` names on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func rigctlFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzTargets.selected(Data(bytes: bytes, count: count))
    return 0
}

/// Runs the chosen target once on a valid and an empty input before fuzzing, so the one-time
/// initialisation of globals (compiled patterns, the spec's shape) is not reported as a leak of
/// the first input.
@_cdecl("LLVMFuzzerInitialize")
public func rigctlFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    FuzzTargets.selected(Data())
    FuzzTargets.selected(Data(FuzzTargets.warmUp.utf8))
    return 0
}

extension FuzzTargets {
    /// A valid spec that touches every section, for `LLVMFuzzerInitialize`.
    static let warmUp = """
        version: 1
        hostname: box
        os: { distro: ubuntu, release: "22.04" }
        parts:
          cpu: { model: x, cores: 4, power: 65 W, frequency: 3 GHz }
          memory: { size: 32 GiB, speed: 3200 MT/s, type: DDR4 }
          gpus: [{ model: NVIDIA GeForce RTX 3090, vram: 24 GiB, power: 350 W }]
          storage: [{ model: x, size: 1 TB }]
          psu: { model: x, power: 1000 W }
        bios: { version: "1", settings: { xmp: profile-1 } }
        drivers: { nvidia: { version: "570" }, cuda: "12.8" }
        gpu-settings: { power-limit: 280 W, persistence: true }
        packages: { apt: [git] }
        theme: { background: "#0b2540", foreground: "#e6eef7", accent: "#4aa3ff", vim: { Normal: "#ffffff" } }
        ssh: { host: box }
        """

    static let selected: @Sendable (Data) -> Void = {
        let name = ProcessInfo.processInfo.environment["RIGCTL_FUZZ_TARGET"] ?? ""
        guard let target = all[name] else {
            StandardStream.error.write("RIGCTL_FUZZ_TARGET must be one of: \(all.keys.sorted().joined(separator: " "))\n")
            exit(64)
        }
        return target
    }()
}
