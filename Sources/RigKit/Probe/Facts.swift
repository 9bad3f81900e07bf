import RigSpec
import Foundation
import RigSystem

/// Everything one probe run saw, Codable with stable keys (documented in docs/facts.md).
/// A group is nil when it was not asked for; inside a group every fact is a value or unknown.
public struct Facts: Sendable, Equatable, Codable {
    /// The format of this JSON; bumped when a key changes meaning.
    public var format: Int = 1
    public var os: OSFacts?
    public var hostname: Fact<String>?
    public var cpu: CPUFacts?
    public var memory: MemoryFacts?
    /// Every display/3D controller, sorted by PCI bus id.
    public var gpus: Fact<[GPUFacts]>?
    public var nvidiaDriver: NvidiaDriverFacts?
    public var cuda: CUDAFacts?
    /// Whole disks (no partitions, loop or zram devices), sorted by name.
    public var storage: Fact<[DiskFacts]>?
    public var board: BoardFacts?
    public var firmware: FirmwareFacts?
    /// Installed Debian packages, sorted by name.
    public var packages: Fact<[PackageFacts]>?

    public init() {}

    /// Empty groups for `wanted`, every fact "not probed" until a prober fills it.
    init(placeholdersFor wanted: Set<FactGroup>) {
        if wanted.contains(.os) { os = OSFacts() }
        if wanted.contains(.hostname) { hostname = .notProbed }
        if wanted.contains(.cpu) { cpu = CPUFacts() }
        if wanted.contains(.memory) { memory = MemoryFacts() }
        if wanted.contains(.gpus) { gpus = .notProbed }
        if wanted.contains(.nvidiaDriver) { nvidiaDriver = NvidiaDriverFacts() }
        if wanted.contains(.cuda) { cuda = CUDAFacts() }
        if wanted.contains(.storage) { storage = .notProbed }
        if wanted.contains(.board) { board = BoardFacts() }
        if wanted.contains(.firmware) { firmware = FirmwareFacts() }
        if wanted.contains(.packages) { packages = .notProbed }
    }

    /// Drops the groups that were not asked for (a prober may fill more than one group).
    mutating func keep(only wanted: Set<FactGroup>) {
        if !wanted.contains(.os) { os = nil }
        if !wanted.contains(.hostname) { hostname = nil }
        if !wanted.contains(.cpu) { cpu = nil }
        if !wanted.contains(.memory) { memory = nil }
        if !wanted.contains(.gpus) { gpus = nil }
        if !wanted.contains(.nvidiaDriver) { nvidiaDriver = nil }
        if !wanted.contains(.cuda) { cuda = nil }
        if !wanted.contains(.storage) { storage = nil }
        if !wanted.contains(.board) { board = nil }
        if !wanted.contains(.firmware) { firmware = nil }
        if !wanted.contains(.packages) { packages = nil }
    }

    /// Deterministic JSON: sorted keys, pretty-printed, slashes unescaped, trailing newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads facts written by `jsonData()` (or `rigctl probe --json`).
    public static func decode(_ data: Data) throws -> Facts {
        try JSONDecoder().decode(Facts.self, from: data)
    }
}

/// `/etc/os-release` and the kernel.
public struct OSFacts: Sendable, Equatable, Codable {
    /// `ID`: ubuntu, debian, pop, …
    public var id: Fact<String> = .notProbed
    /// `VERSION_ID`: 22.04, 12, …
    public var version: Fact<String> = .notProbed
    /// `PRETTY_NAME`.
    public var prettyName: Fact<String> = .notProbed
    /// Kernel release (`uname -r`).
    public var kernel: Fact<String> = .notProbed
    /// Machine architecture (`uname -m`): x86_64, aarch64.
    public var architecture: Fact<String> = .notProbed
    public init() {}
}

public struct CPUFacts: Sendable, Equatable, Codable {
    /// GenuineIntel, AuthenticAMD, ARM, …
    public var vendor: Fact<String> = .notProbed
    public var model: Fact<String> = .notProbed
    public var sockets: Fact<Int> = .notProbed
    /// Physical cores over all sockets.
    public var cores: Fact<Int> = .notProbed
    /// Logical CPUs (hardware threads).
    public var threads: Fact<Int> = .notProbed
    public var maxFrequencyMHz: Fact<Double> = .notProbed
    /// The hardware virtualization flag the CPU shows: `vmx`, `svm`, or `none` (off in BIOS or absent).
    public var virtualization: Fact<String> = .notProbed
    public init() {}
}

public struct MemoryFacts: Sendable, Equatable, Codable {
    /// `MemTotal` from /proc/meminfo: usable memory, a little below what is installed.
    public var totalBytes: Fact<UInt64> = .notProbed
    /// Installed modules (empty slots left out), from dmidecode type 17.
    public var dimms: Fact<[DIMMFacts]> = .notProbed
    /// Memory slots on the board, filled or not.
    public var slots: Fact<Int> = .notProbed
    public init() {}
}

public struct DIMMFacts: Sendable, Equatable, Codable {
    /// The slot: `DIMM 1`, `P0 CHANNEL A/DIMM 1` when a bank locator adds to it.
    public var locator: String
    public var sizeBytes: UInt64
    /// DDR4, DDR5, …; nil when dmidecode says Unknown.
    public var type: String?
    /// Rated speed of the module, MT/s.
    public var ratedSpeedMTs: Int?
    /// Speed the board runs it at, MT/s.
    public var configuredSpeedMTs: Int?
    public init(locator: String, sizeBytes: UInt64, type: String?, ratedSpeedMTs: Int?, configuredSpeedMTs: Int?) {
        self.locator = locator
        self.sizeBytes = sizeBytes
        self.type = type
        self.ratedSpeedMTs = ratedSpeedMTs
        self.configuredSpeedMTs = configuredSpeedMTs
    }
}

public struct GPUFacts: Sendable, Equatable, Codable {
    /// PCI address, normalised to `0000:01:00.0`.
    public var busID: String
    /// nvidia, amd, intel, or the PCI vendor id (`0x1af4`) for others.
    public var vendor: String
    /// PCI device id, `0x2204`.
    public var deviceID: Fact<String> = .notProbed
    public var model: Fact<String> = .notProbed
    public var vramBytes: Fact<UInt64> = .notProbed
    /// CUDA compute capability (`8.6`); NVIDIA only.
    public var computeCapability: Fact<String> = .notProbed
    /// Power limit in force, watts.
    public var powerLimitWatts: Fact<Double> = .notProbed
    /// Power limit the board ships with (its TGP), watts.
    public var defaultPowerLimitWatts: Fact<Double> = .notProbed
    public var persistenceMode: Fact<Bool> = .notProbed
    /// BAR1 aperture; a size near the VRAM means resizable BAR (above-4G decoding) is on.
    public var bar1Bytes: Fact<UInt64> = .notProbed
    /// Whether MIG is enabled (A100/H100/H200); false on GPUs without MIG.
    public var migEnabled: Fact<Bool> = .notProbed
    public init(busID: String, vendor: String) {
        self.busID = busID
        self.vendor = vendor
    }
}

public struct NvidiaDriverFacts: Sendable, Equatable, Codable {
    /// Loaded kernel module version: `570.133.07`.
    public var version: Fact<String> = .notProbed
    /// `open` (open GPU kernel modules) or `proprietary`.
    public var flavor: Fact<String> = .notProbed
    public init() {}
}

public struct CUDAFacts: Sendable, Equatable, Codable {
    /// Toolkits under /usr/local (`cuda-12.8/version.json`), sorted by path.
    public var toolkits: Fact<[CUDAToolkitFacts]> = .notProbed
    /// `nvcc --version` of the nvcc on PATH (or /usr/local/cuda/bin): `12.8.93`.
    public var nvcc: Fact<String> = .notProbed
    /// The newest CUDA version the loaded driver supports (nvidia-smi's "CUDA Version").
    public var driverSupports: Fact<String> = .notProbed
    public init() {}
}

public struct CUDAToolkitFacts: Sendable, Equatable, Codable {
    public var path: String
    public var version: String
    public init(path: String, version: String) {
        self.path = path
        self.version = version
    }
}

public struct DiskFacts: Sendable, Equatable, Codable {
    /// Kernel name: nvme0n1, sda.
    public var name: String
    public var model: String?
    public var sizeBytes: UInt64
    /// Spinning disk; nil when lsblk does not say.
    public var rotational: Bool?
    /// nvme, sata, sas, usb, …; nil when lsblk does not say.
    public var transport: String?
    public init(name: String, model: String?, sizeBytes: UInt64, rotational: Bool?, transport: String?) {
        self.name = name
        self.model = model
        self.sizeBytes = sizeBytes
        self.rotational = rotational
        self.transport = transport
    }
}

public struct BoardFacts: Sendable, Equatable, Codable {
    public var vendor: Fact<String> = .notProbed
    public var name: Fact<String> = .notProbed
    public var biosVendor: Fact<String> = .notProbed
    public var biosVersion: Fact<String> = .notProbed
    /// As the firmware writes it, usually MM/DD/YYYY.
    public var biosDate: Fact<String> = .notProbed
    public init() {}
}

public struct FirmwareFacts: Sendable, Equatable, Codable {
    /// `uefi` or `legacy`.
    public var bootMode: Fact<String> = .notProbed
    public var secureBoot: Fact<Bool> = .notProbed
    /// An IOMMU is active (VT-d / AMD-Vi on and enabled by the kernel).
    public var iommu: Fact<Bool> = .notProbed
    public init() {}
}

public struct PackageFacts: Sendable, Equatable, Codable {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
