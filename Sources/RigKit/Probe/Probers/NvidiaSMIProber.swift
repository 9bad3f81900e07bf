import RigSpec
import RigSystem
/// NVIDIA GPUs from two concurrent nvidia-smi calls: one `--query-gpu` CSV with every field
/// read by name (compute capability is only there), and `-q -d MEMORY` for BAR1 and the CUDA
/// version the driver supports (24 ms on an H100, where `-q -x` takes 116 ms). Either alone still
/// fills what it can. Drivers too old for `compute_cap` get the query again without it;
/// hosts recorded before `-q -d MEMORY` was used replay their `-q -x` instead.
///
/// nvidia-smi's own driver version fills `nvidiaDriver.version` where the kernel module's files are
/// unreadable (a container with the driver's user space but no `/proc/driver/nvidia`); rows without a
/// `pci.bus_id` take the bus id of the `-q` GPU at their `index` (both list GPUs in index order).
package struct NvidiaSMIProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.gpus, .cuda, .nvidiaDriver] }
    package var runsCommands: Bool { true }

    static let fields = ["index", "pci.bus_id", "name", "memory.total", "compute_cap", "power.limit",
                         "power.default_limit", "persistence_mode", "mig.mode.current", "driver_version"]
    static let queryArgv = query(fields)
    static let memoryArgv = ["nvidia-smi", "-q", "-d", "MEMORY"]
    /// What rigctl ran before `-q -d MEMORY`; still read from older recorded hosts.
    static let xmlArgv = ["nvidia-smi", "-q", "-x"]

    static func query(_ fields: [String]) -> [String] {
        ["nvidia-smi", "--query-gpu=" + fields.joined(separator: ","), "--format=csv"]
    }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let queried = system.run(Self.queryArgv, timeout: timeout)
        async let described = system.run(Self.memoryArgv, timeout: timeout)
        var (query, memory) = await (queried, described)
        if query.outcome == .notFound { return unavailable("nvidia-smi not installed") }
        var computeCapReason: String?
        if case .exited(let status) = query.outcome, status != 0, query.errorOutput.contains("compute_cap") {
            computeCapReason = "this nvidia-smi has no compute_cap field"
            query = await system.run(Self.query(Self.fields.filter { $0 != "compute_cap" }), timeout: timeout)
        }
        let csv: Sourced<NvidiaSMICSV> = query.failureReason(program: "nvidia-smi").map { .failed($0) }
            ?? .found(NvidiaSMICSV.parse(query.output))
        let details: Sourced<NvidiaSMIXML>
        if memory.outcome == .notFound {
            details = Self.xmlDetails(await system.run(Self.xmlArgv, timeout: timeout))
        } else if let reason = memory.failureReason(program: "nvidia-smi -q -d MEMORY") {
            details = .failed(reason)
        } else {
            details = .found(Self.details(NvidiaSMIQueryText.parse(memory.output)))
        }
        var merged = Self.merge(csv: csv, xml: details)
        if let computeCapReason {
            for index in merged.indices { merged[index].computeCapability = .unknown(computeCapReason) }
        }
        let driverVersion = Self.driverVersion(csv: csv, details: details)
        let cudaVersion: Fact<String>
        switch details {
        case .found(let parsed): cudaVersion = Fact(parsed.cudaVersion, else: "nvidia-smi reports no CUDA version")
        case .failed(let reason): cudaVersion = .unknown(reason)
        }
        // Neither call listed a GPU because neither worked: the PCI GPUs get the real reason
        // (timed out, killed, …) instead of keeping "needs nvidia-smi".
        if merged.isEmpty {
            let reason: String = if case .failed(let why) = csv { why } else { "nvidia-smi --query-gpu printed no GPU rigctl can read" }
            let failed = unavailable(reason)
            return FactsUpdate { facts in
                failed.apply(&facts)
                facts.cuda?.driverSupports = cudaVersion
                Self.fillDriverVersion(driverVersion, into: &facts)
            }
        }
        let gpus = merged
        return FactsUpdate { facts in
            facts.cuda?.driverSupports = cudaVersion
            facts.gpus = GPUMerge.merge(gpus, into: facts.gpus, vendor: "nvidia")
            Self.fillDriverVersion(driverVersion, into: &facts)
        }
    }

    /// The driver version nvidia-smi reports: the CSV's `driver_version`, else the `-q` header.
    static func driverVersion(csv: Sourced<NvidiaSMICSV>, details: Sourced<NvidiaSMIXML>) -> String? {
        if case .found(let table) = csv, let version = table.rows.lazy.compactMap({ $0["driver_version"] }).first { return version }
        if case .found(let document) = details { return document.driverVersion }
        return nil
    }

    /// Only where the kernel module's files said nothing (`NvidiaDriverProber` runs first): the
    /// version is nvidia-smi's, and open or proprietary stays unknown.
    static func fillDriverVersion(_ version: String?, into facts: inout Facts) {
        guard let version, let driver = facts.nvidiaDriver, driver.version.value == nil else { return }
        let why = driver.version.reason ?? "not probed"
        facts.nvidiaDriver?.version = .value(version)
        if driver.flavor.value == nil {
            facts.nvidiaDriver?.flavor = .unknown("\(why); nvidia-smi reports the version but not open or proprietary")
        }
    }

    /// The memory section of `nvidia-smi -q` in the shape of the XML's per-GPU details.
    static func details(_ text: NvidiaSMIQueryText) -> NvidiaSMIXML {
        NvidiaSMIXML(driverVersion: text.driverVersion, cudaVersion: text.cudaVersion,
                     attachedGPUs: text.header["Attached GPUs"].flatMap { Int($0) },
                     gpus: text.gpus.map { gpu in
                         NvidiaSMIXML.GPU(busID: gpu.busID, memoryTotalBytes: gpu["FB Memory Usage/Total"].flatMap(Units.bytes),
                                          bar1TotalBytes: gpu["BAR1 Memory Usage/Total"].flatMap(Units.bytes))
                     })
    }

    static func xmlDetails(_ result: CommandResult) -> Sourced<NvidiaSMIXML> {
        if let reason = result.failureReason(program: "nvidia-smi -q -x") { return .failed(reason) }
        do { return .found(try NvidiaSMIXML.parse(result.output)) } catch { return .failed("nvidia-smi -q -x: \(error)") }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.cuda?.driverSupports = .unknown(reason)
            facts.gpus = GPUMerge.updateEach(facts.gpus, vendor: "nvidia") { gpu in
                gpu.vramBytes = .unknown(reason)
                gpu.computeCapability = .unknown(reason)
                gpu.powerLimitWatts = .unknown(reason)
                gpu.defaultPowerLimitWatts = .unknown(reason)
                gpu.persistenceMode = .unknown(reason)
                gpu.bar1Bytes = .unknown(reason)
                gpu.migEnabled = .unknown(reason)
                if gpu.model.value == nil { gpu.model = .unknown(reason) }
            }
        }
    }

    /// One GPUFacts per GPU, keyed by bus id: CSV values first, XML for BAR1 and anything the CSV lacked.
    static func merge(csv: Sourced<NvidiaSMICSV>, xml: Sourced<NvidiaSMIXML>) -> [GPUFacts] {
        var gpus: [String: GPUFacts] = [:]
        let csvReason: String? = if case .failed(let reason) = csv { reason } else { nil }
        let xmlReason: String? = if case .failed(let reason) = xml { reason } else { nil }
        // `-q` lists GPUs in index order, so a row without a bus id takes the bus id at its index.
        let detailBuses: [String] = if case .found(let document) = xml { document.gpus.map(\.busID) } else { [] }
        if case .found(let table) = csv {
            for row in table.rows {
                let index = row["index"].flatMap { Int($0) }
                guard let bus = row["pci.bus_id"] ?? index.flatMap({ detailBuses.indices.contains($0) ? detailBuses[$0] : nil }) else { continue }
                var gpu = GPUFacts(busID: PCIAddress.normalize(bus), vendor: "nvidia")
                gpu.model = Fact(row["name"], else: "nvidia-smi reports no name")
                gpu.vramBytes = .field(row["memory.total"], Units.bytes, name: "nvidia-smi memory.total", missing: "nvidia-smi reports no memory.total")
                gpu.computeCapability = Fact(row["compute_cap"], else: "nvidia-smi reports no compute_cap")
                gpu.powerLimitWatts = .field(row["power.limit"], Units.watts, name: "nvidia-smi power.limit", missing: "nvidia-smi reports no power limit")
                gpu.defaultPowerLimitWatts = .field(row["power.default_limit"], Units.watts, name: "nvidia-smi power.default_limit",
                                                    missing: "nvidia-smi reports no default power limit")
                gpu.persistenceMode = Fact(row["persistence_mode"].flatMap(enabled), else: "nvidia-smi reports no persistence mode")
                gpu.migEnabled = .value(row["mig.mode.current"].flatMap(enabled) ?? false)
                gpu.bar1Bytes = .unknown(xmlReason ?? "nvidia-smi -q does not list this GPU")
                gpus[gpu.busID] = gpu
            }
        }
        if case .found(let document) = xml {
            for entry in document.gpus {
                let bus = PCIAddress.normalize(entry.busID)
                var gpu = gpus[bus] ?? GPUFacts(busID: bus, vendor: "nvidia")
                let lacking = csvReason ?? "nvidia-smi --query-gpu does not list this GPU"
                if gpus[bus] == nil {
                    gpu.model = Fact(entry.name, else: lacking)
                    gpu.vramBytes = Fact(entry.memoryTotalBytes, else: "nvidia-smi reports no FB memory total")
                    gpu.computeCapability = .unknown(lacking)
                    gpu.powerLimitWatts = Fact(entry.powerLimitWatts, else: lacking)
                    gpu.defaultPowerLimitWatts = Fact(entry.defaultPowerLimitWatts, else: lacking)
                    gpu.persistenceMode = Fact(entry.persistenceMode, else: lacking)
                    // The XML says N/A on GPUs without MIG; the memory text says nothing about MIG.
                    gpu.migEnabled = entry.name == nil ? .unknown(lacking) : .value(entry.migEnabled ?? false)
                }
                if let device = entry.deviceID { gpu.deviceID = .value("0x" + device.prefix(4).lowercased()) }
                gpu.bar1Bytes = Fact(entry.bar1TotalBytes, else: "nvidia-smi reports no BAR1 total")
                gpus[bus] = gpu
            }
        }
        return gpus.values.sorted { $0.busID < $1.busID }
    }

    static func enabled(_ text: String) -> Bool? {
        switch text {
        case "Enabled", "On", "Yes": return true
        case "Disabled", "Off", "No": return false
        default: return nil
        }
    }
}

/// Merging a vendor tool's GPUs into the list the PCI prober found.
enum GPUMerge {
    /// Replaces vendor-tool facts on the matching bus ids and adds GPUs sysfs did not show;
    /// PCI device ids from sysfs are kept when the tool has none, and the PCIe link (only sysfs reads it).
    static func merge(_ found: [GPUFacts], into current: Fact<[GPUFacts]>?, vendor: String) -> Fact<[GPUFacts]>? {
        guard let current else { return nil }
        // The PCI list is unknown (its prober timed out, /sys unreadable): a vendor tool's GPUs
        // alone would silently drop every other vendor's, so the list stays unknown. Only a host
        // without /sys/bus/pci at all (WSL, some containers) lists what the vendor tool sees.
        if case .unknown(let reason) = current, reason != PCIProber.noSysfsReason { return current }
        var list = current.value ?? []
        for var gpu in found {
            if let index = list.firstIndex(where: { $0.busID == gpu.busID }) {
                if gpu.deviceID.value == nil { gpu.deviceID = list[index].deviceID }
                if gpu.pcieLink == nil { gpu.pcieLink = list[index].pcieLink }
                list[index] = gpu
            } else {
                if gpu.deviceID.value == nil { gpu.deviceID = .unknown("not in /sys/bus/pci") }
                list.append(gpu)
            }
        }
        if current.value == nil && found.isEmpty { return current }
        return .value(list.sorted { $0.busID < $1.busID })
    }

    /// Applies `body` to every GPU of `vendor`.
    static func updateEach(_ current: Fact<[GPUFacts]>?, vendor: String, _ body: (inout GPUFacts) -> Void) -> Fact<[GPUFacts]>? {
        guard var list = current?.value else { return current }
        for index in list.indices where list[index].vendor == vendor { body(&list[index]) }
        return .value(list)
    }
}
