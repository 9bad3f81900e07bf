import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// Everything one probe run saw, Codable with stable keys (documented in docs/facts.md).
/// A group is nil when it was not asked for; inside a group every fact is a value or unknown.
package struct Facts: Sendable, Equatable, Codable {
    /// The format of this JSON; bumped when a key changes meaning.
    package var format: Int = 1
    package var os: OSFacts?
    package var hostname: Fact<String>?
    package var cpu: CPUFacts?
    package var memory: MemoryFacts?
    /// Every display/3D controller, sorted by PCI bus id.
    package var gpus: Fact<[GPUFacts]>?
    package var nvidiaDriver: NvidiaDriverFacts?
    package var cuda: CUDAFacts?
    /// Whole disks (no partitions, loop or zram devices), sorted by name.
    package var storage: Fact<[DiskFacts]>?
    package var board: BoardFacts?
    package var firmware: FirmwareFacts?
    /// Installed Debian packages, sorted by name.
    package var packages: Fact<[PackageFacts]>?
    /// What breaks an NVIDIA machine overnight (docs/facts.md, "Driver health").
    package var driverHealth: DriverHealthFacts?
    /// The spec's Python environment (`python.path`).
    package var python: PythonFacts?
    /// Docker and the NVIDIA Container Toolkit (docs/facts.md, "Containers").
    package var containers: ContainerFacts?
    /// The installed ROCm release and the amdgpu module (`ROCmProber`).
    package var rocm: ROCmFacts?
    /// An Apple Silicon Mac's chip.
    package var chip: ChipFacts?
    /// Installed Homebrew casks, sorted by name (macOS; `packages` holds the formulae there).
    package var casks: Fact<[PackageFacts]>?

    package init() {}

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
        if wanted.contains(.driverHealth) { driverHealth = DriverHealthFacts() }
        if wanted.contains(.python) { python = PythonFacts() }
        if wanted.contains(.containers) { containers = ContainerFacts() }
        if wanted.contains(.rocm) { rocm = ROCmFacts() }
        if wanted.contains(.chip) { chip = ChipFacts() }
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
        if !wanted.contains(.driverHealth) { driverHealth = nil }
        if !wanted.contains(.python) { python = nil }
        if !wanted.contains(.containers) { containers = nil }
        if !wanted.contains(.rocm) { rocm = nil }
        if !wanted.contains(.chip) { chip = nil }
        if !wanted.contains(.packages) { casks = nil }
    }

    /// Deterministic JSON: sorted keys, pretty-printed, slashes unescaped, trailing newline.
    package func jsonData() throws -> Data {
        var bytes = try JSONTextEncoder.encode(self)
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// Reads facts written by `jsonData()` (or `rigctl probe --json`).
    package static func decode(_ data: Data) throws -> Facts {
        // The project's readers first (`audit` reads a file per machine): `FactsReader` straight from
        // the bytes, then `JSONValueDecoder` for what it leaves (an escaped key); what neither takes
        // by itself, JSONDecoder decodes or reports with its located error.
        if !data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let bytes = Array(data)
            if let facts = try? FactsReader.facts(bytes) { return facts }
            if let value = try? JSONValue.parse(bytes), let facts = try? JSONValueDecoder.decode(Facts.self, from: value) {
                return facts
            }
        }
        return try JSONDecoder().decode(Facts.self, from: data)
    }
}

/// `/etc/os-release` and the kernel.
package struct OSFacts: Sendable, Equatable, Codable {
    /// `ID`: ubuntu, debian, pop, …
    package var id: Fact<String> = .notProbed
    /// `VERSION_ID`: 22.04, 12, …
    package var version: Fact<String> = .notProbed
    /// `PRETTY_NAME`.
    package var prettyName: Fact<String> = .notProbed
    /// Kernel release (`uname -r`).
    package var kernel: Fact<String> = .notProbed
    /// Machine architecture (`uname -m`): x86_64, aarch64.
    package var architecture: Fact<String> = .notProbed
    package init() {}
}

package struct CPUFacts: Sendable, Equatable, Codable {
    /// GenuineIntel, AuthenticAMD, ARM, …
    package var vendor: Fact<String> = .notProbed
    package var model: Fact<String> = .notProbed
    package var sockets: Fact<Int> = .notProbed
    /// Physical cores over all sockets.
    package var cores: Fact<Int> = .notProbed
    /// Logical CPUs (hardware threads).
    package var threads: Fact<Int> = .notProbed
    package var maxFrequencyMHz: Fact<Double> = .notProbed
    /// The hardware virtualization flag the CPU shows: `vmx`, `svm`, or `none` (off in BIOS or absent).
    package var virtualization: Fact<String> = .notProbed
    package init() {}
}

package struct MemoryFacts: Sendable, Equatable, Codable {
    /// `MemTotal` from /proc/meminfo: usable memory, a little below what is installed.
    package var totalBytes: Fact<UInt64> = .notProbed
    /// Installed modules (empty slots left out), from dmidecode type 17.
    package var dimms: Fact<[DIMMFacts]> = .notProbed
    /// Memory slots on the board, filled or not.
    package var slots: Fact<Int> = .notProbed
    package init() {}
}

package struct DIMMFacts: Sendable, Equatable, Codable {
    /// The slot: `DIMM 1`, `P0 CHANNEL A/DIMM 1` when a bank locator adds to it.
    package var locator: String
    package var sizeBytes: UInt64
    /// DDR4, DDR5, …; nil when dmidecode says Unknown.
    package var type: String?
    /// Rated speed of the module, MT/s.
    package var ratedSpeedMTs: Int?
    /// Speed the board runs it at, MT/s.
    package var configuredSpeedMTs: Int?
    package init(locator: String, sizeBytes: UInt64, type: String?, ratedSpeedMTs: Int?, configuredSpeedMTs: Int?) {
        self.locator = locator
        self.sizeBytes = sizeBytes
        self.type = type
        self.ratedSpeedMTs = ratedSpeedMTs
        self.configuredSpeedMTs = configuredSpeedMTs
    }
}

package struct GPUFacts: Sendable, Equatable, Codable {
    /// PCI address, normalised to `0000:01:00.0`.
    package var busID: String
    /// nvidia, amd, intel, or the PCI vendor id (`0x1af4`) for others.
    package var vendor: String
    /// PCI device id, `0x2204`.
    package var deviceID: Fact<String> = .notProbed
    package var model: Fact<String> = .notProbed
    package var vramBytes: Fact<UInt64> = .notProbed
    /// CUDA compute capability (`8.6`); NVIDIA only.
    package var computeCapability: Fact<String> = .notProbed
    /// AMD: the LLVM target the GPU runs (`gfx1100`), from amd-smi, rocm-smi or the kernel's KFD topology;
    /// nil for other vendors (and in facts recorded before rigctl read it).
    package var gfxTarget: Fact<String>?
    /// Power limit in force, watts.
    package var powerLimitWatts: Fact<Double> = .notProbed
    /// Power limit the board ships with (its TGP), watts.
    package var defaultPowerLimitWatts: Fact<Double> = .notProbed
    package var persistenceMode: Fact<Bool> = .notProbed
    /// BAR1 aperture; a size near the VRAM means resizable BAR (above-4G decoding) is on.
    package var bar1Bytes: Fact<UInt64> = .notProbed
    /// Whether MIG is enabled (A100/H100/H200); false on GPUs without MIG.
    package var migEnabled: Fact<Bool> = .notProbed
    /// The PCIe link from sysfs; nil when the device has no link attributes (not a PCIe device, or
    /// facts recorded before rigctl read them).
    package var pcieLink: Fact<PCIeLinkFacts>?
    package init(busID: String, vendor: String) {
        self.busID = busID
        self.vendor = vendor
    }
}

/// A GPU's PCIe link: `current_link_width`, `max_link_width`, `current_link_speed`, `max_link_speed`.
package struct PCIeLinkFacts: Sendable, Equatable, Codable {
    /// Lanes the link trained to.
    package var width: Int
    /// Lanes the card supports.
    package var maxWidth: Int
    /// Transfer rate per lane now, GT/s (NVIDIA GPUs lower it when idle); nil when the kernel says Unknown.
    package var speedGTs: Double?
    /// The fastest rate the card supports, GT/s.
    package var maxSpeedGTs: Double?
    package init(width: Int, maxWidth: Int, speedGTs: Double?, maxSpeedGTs: Double?) {
        self.width = width
        self.maxWidth = maxWidth
        self.speedGTs = speedGTs
        self.maxSpeedGTs = maxSpeedGTs
    }
}

package struct NvidiaDriverFacts: Sendable, Equatable, Codable {
    /// Loaded kernel module version: `570.133.07`.
    package var version: Fact<String> = .notProbed
    /// `open` (open GPU kernel modules) or `proprietary`.
    package var flavor: Fact<String> = .notProbed
    package init() {}
}

package struct CUDAFacts: Sendable, Equatable, Codable {
    /// Toolkits under /usr/local (`cuda-12.8/version.json`), sorted by path.
    package var toolkits: Fact<[CUDAToolkitFacts]> = .notProbed
    /// `nvcc --version` of the nvcc on PATH (or /usr/local/cuda/bin): `12.8.93`.
    package var nvcc: Fact<String> = .notProbed
    /// The newest CUDA version the loaded driver supports (nvidia-smi's "CUDA Version").
    package var driverSupports: Fact<String> = .notProbed
    package init() {}
}

package struct CUDAToolkitFacts: Sendable, Equatable, Codable {
    package var path: String
    package var version: String
    package init(path: String, version: String) {
        self.path = path
        self.version = version
    }
}

package struct DiskFacts: Sendable, Equatable, Codable {
    /// Kernel name: nvme0n1, sda.
    package var name: String
    package var model: String?
    package var sizeBytes: UInt64
    /// Spinning disk; nil when lsblk does not say.
    package var rotational: Bool?
    /// nvme, sata, sas, usb, …; nil when lsblk does not say.
    package var transport: String?
    package init(name: String, model: String?, sizeBytes: UInt64, rotational: Bool?, transport: String?) {
        self.name = name
        self.model = model
        self.sizeBytes = sizeBytes
        self.rotational = rotational
        self.transport = transport
    }
}

package struct BoardFacts: Sendable, Equatable, Codable {
    package var vendor: Fact<String> = .notProbed
    package var name: Fact<String> = .notProbed
    package var biosVendor: Fact<String> = .notProbed
    package var biosVersion: Fact<String> = .notProbed
    /// As the firmware writes it, usually MM/DD/YYYY.
    package var biosDate: Fact<String> = .notProbed
    package init() {}
}

package struct FirmwareFacts: Sendable, Equatable, Codable {
    /// `uefi` or `legacy`.
    package var bootMode: Fact<String> = .notProbed
    package var secureBoot: Fact<Bool> = .notProbed
    /// An IOMMU is active (VT-d / AMD-Vi on and enabled by the kernel).
    package var iommu: Fact<Bool> = .notProbed
    package init() {}
}

package struct PackageFacts: Sendable, Equatable, Codable {
    package var name: String
    package var version: String
    package init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
