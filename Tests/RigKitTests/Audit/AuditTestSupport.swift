import Foundation
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

/// Specs and facts the audit tests build on.
enum AuditSamples {
    /// The repository root (tests read the real `machines/` and `build-logs/`).
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The pipeline over the repository at `root`, reading and writing the real files.
    static func pipeline(_ root: String, system: any System = LiveSystem()) -> Pipeline {
        Pipeline(repository: Repository(root: root, system: system))
    }

    /// A spec from YAML text, loaded by the real loader so locations are real.
    static func spec(_ yaml: String, name: String = "box", files: [String: String] = [:]) throws -> MachineSpec {
        var all = files
        all["machines/\(name).yaml"] = yaml
        switch SpecLoader(readFile: { all[$0] }).load(file: "machines/\(name).yaml") {
        case .success(let spec): return spec
        case .failure(let error): throw error
        }
    }

    /// `version: 1`, `hostname: box`, Ubuntu 22.04, then `body`.
    static func spec(body: String) throws -> MachineSpec {
        try spec("version: 1\nhostname: box\nos: { distro: ubuntu, release: \"22.04\" }\n" + body)
    }

    /// The committed example machine `name`.
    static func machine(_ name: String) throws -> MachineSpec {
        switch SpecLoader.fromDisk().load(file: repository + "/machines/\(name).yaml") {
        case .success(let spec): return spec
        case .failure(let error): throw error
        }
    }

    static let gib: UInt64 = 1_073_741_824
    static let mib: UInt64 = 1_048_576

    /// An RTX 3090 as nvidia-smi 570 reports it, resizable BAR on (BAR1 32 GiB).
    static func rtx3090(bus: String = "0000:01:00.0", powerLimit: Double = 300, bar1: UInt64 = 32 * gib) -> GPUFacts {
        var gpu = GPUFacts(busID: bus, vendor: "nvidia")
        gpu.deviceID = .value("0x2204")
        gpu.model = .value("NVIDIA GeForce RTX 3090")
        gpu.vramBytes = .value(24576 * mib)
        gpu.computeCapability = .value("8.6")
        gpu.powerLimitWatts = .value(powerLimit)
        gpu.defaultPowerLimitWatts = .value(350)
        gpu.persistenceMode = .value(true)
        gpu.bar1Bytes = .value(bar1)
        gpu.migEnabled = .value(false)
        return gpu
    }

    static func dimm(_ slot: String, gib size: UInt64 = 8, type: String = "DDR4", speed: Int = 2133) -> DIMMFacts {
        DIMMFacts(locator: slot, sizeBytes: size * gib, type: type, ratedSpeedMTs: speed, configuredSpeedMTs: speed)
    }

    /// Facts of a host that matches `machines/compute-node.yaml` in every probed group.
    static func computeNodeFacts() -> Facts {
        var facts = Facts()
        var os = OSFacts()
        os.id = .value("ubuntu")
        os.version = .value("22.04")
        os.prettyName = .value("Ubuntu 22.04.5 LTS")
        os.kernel = .value("6.8.0-52-generic")
        os.architecture = .value("x86_64")
        facts.os = os
        facts.hostname = .value("compute-node")
        var cpu = CPUFacts()
        cpu.vendor = .value("GenuineIntel")
        cpu.model = .value("Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz")
        cpu.sockets = .value(1)
        cpu.cores = .value(6)
        cpu.threads = .value(12)
        cpu.maxFrequencyMHz = .value(3600)
        cpu.virtualization = .value("vmx")
        facts.cpu = cpu
        var memory = MemoryFacts()
        memory.totalBytes = .value(32_821_243_904)
        memory.dimms = .value(["DIMM_A1", "DIMM_B1", "DIMM_C1", "DIMM_D1"].map { dimm($0) })
        memory.slots = .value(8)
        facts.memory = memory
        facts.gpus = .value([rtx3090()])
        var driver = NvidiaDriverFacts()
        driver.version = .value("570.124.06")
        driver.flavor = .value("open")
        facts.nvidiaDriver = driver
        var cuda = CUDAFacts()
        cuda.toolkits = .value([CUDAToolkitFacts(path: "/usr/local/cuda-12.8", version: "12.8.1")])
        cuda.nvcc = .value("12.8.93")
        cuda.driverSupports = .value("12.8")
        facts.cuda = cuda
        facts.storage = .value([DiskFacts(name: "nvme0n1", model: "Samsung SSD 970 EVO Plus 1TB", sizeBytes: 1_000_204_886_016,
                                          rotational: false, transport: "nvme")])
        var board = BoardFacts()
        board.vendor = .value("ASUSTeK COMPUTER INC.")
        board.name = .value("X99-A")
        board.biosVendor = .value("American Megatrends Inc.")
        board.biosVersion = .value("3902")
        board.biosDate = .value("03/15/2018")
        facts.board = board
        var firmware = FirmwareFacts()
        firmware.bootMode = .value("uefi")
        firmware.secureBoot = .value(false)
        firmware.iommu = .value(false)
        facts.firmware = firmware
        facts.packages = .value(["build-essential", "curl", "git", "htop", "jq", "nvtop", "python3-venv", "tmux"]
            .map { PackageFacts(name: $0, version: "1.0") })
        return facts
    }
}

extension Array where Element == Finding {
    /// The one finding for `keyPath`, or nil.
    func one(_ keyPath: SpecKeyPath) -> Finding? {
        let matching = filter { $0.keyPath == keyPath }
        return matching.count == 1 ? matching[0] : nil
    }
}
