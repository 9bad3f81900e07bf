/// NVIDIA GPUs from two concurrent nvidia-smi calls: one `--query-gpu` CSV with every field
/// read by name (compute capability is only there), and `-q -x` for BAR1 and the CUDA version
/// the driver supports. Either alone still fills what it can.
public struct NvidiaSMIProber: Prober {
    public init() {}
    public var groups: Set<FactGroup> { [.gpus, .cuda] }

    static let fields = ["index", "pci.bus_id", "name", "memory.total", "compute_cap", "power.limit",
                         "power.default_limit", "persistence_mode", "mig.mode.current", "driver_version"]
    static let queryArgv = ["nvidia-smi", "--query-gpu=" + fields.joined(separator: ","), "--format=csv"]
    static let xmlArgv = ["nvidia-smi", "-q", "-x"]

    public func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let queried = system.run(Self.queryArgv, timeout: timeout)
        async let described = system.run(Self.xmlArgv, timeout: timeout)
        let (query, xml) = await (queried, described)
        if query.outcome == .notFound { return unavailable("nvidia-smi not installed") }

        let csv: Sourced<NvidiaSMICSV> = query.failureReason(program: "nvidia-smi").map { .failed($0) }
            ?? .found(NvidiaSMICSV.parse(query.output))
        let document: Sourced<NvidiaSMIXML>
        if let reason = xml.failureReason(program: "nvidia-smi -q -x") {
            document = .failed(reason)
        } else {
            do { document = .found(try NvidiaSMIXML.parse(xml.output)) } catch { document = .failed("nvidia-smi -q -x: \(error)") }
        }
        let merged = Self.merge(csv: csv, xml: document)
        let cudaVersion: Fact<String>
        switch document {
        case .found(let parsed): cudaVersion = Fact(parsed.cudaVersion, else: "nvidia-smi reports no CUDA version")
        case .failed(let reason): cudaVersion = .unknown(reason)
        }
        return FactsUpdate { facts in
            facts.cuda?.driverSupports = cudaVersion
            facts.gpus = GPUMerge.merge(merged, into: facts.gpus, vendor: "nvidia")
        }
    }

    public func unavailable(_ reason: String) -> FactsUpdate {
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
        if case .found(let table) = csv {
            for row in table.rows {
                guard let bus = row["pci.bus_id"] else { continue }
                var gpu = GPUFacts(busID: PCIAddress.normalize(bus), vendor: "nvidia")
                gpu.model = Fact(row["name"], else: "nvidia-smi reports no name")
                gpu.vramBytes = Fact(row["memory.total"].flatMap(Units.bytes), else: "nvidia-smi reports no memory.total")
                gpu.computeCapability = Fact(row["compute_cap"], else: "nvidia-smi reports no compute_cap")
                gpu.powerLimitWatts = Fact(row["power.limit"].flatMap(Units.watts), else: "nvidia-smi reports no power limit")
                gpu.defaultPowerLimitWatts = Fact(row["power.default_limit"].flatMap(Units.watts), else: "nvidia-smi reports no default power limit")
                gpu.persistenceMode = Fact(row["persistence_mode"].flatMap(enabled), else: "nvidia-smi reports no persistence mode")
                gpu.migEnabled = .value(row["mig.mode.current"].flatMap(enabled) ?? false)
                gpu.bar1Bytes = .unknown(xmlReason ?? "nvidia-smi -q -x does not list this GPU")
                gpus[gpu.busID] = gpu
            }
        }
        if case .found(let document) = xml {
            for entry in document.gpus {
                let bus = PCIAddress.normalize(entry.busID)
                var gpu = gpus[bus] ?? GPUFacts(busID: bus, vendor: "nvidia")
                let lacking = csvReason ?? "nvidia-smi --query-gpu does not list this GPU"
                if gpus[bus] == nil {
                    gpu.model = Fact(entry.name, else: "nvidia-smi reports no name")
                    gpu.vramBytes = Fact(entry.memoryTotalBytes, else: "nvidia-smi reports no FB memory total")
                    gpu.computeCapability = .unknown(lacking)
                    gpu.powerLimitWatts = Fact(entry.powerLimitWatts, else: "nvidia-smi reports no power limit")
                    gpu.defaultPowerLimitWatts = Fact(entry.defaultPowerLimitWatts, else: "nvidia-smi reports no default power limit")
                    gpu.persistenceMode = Fact(entry.persistenceMode, else: "nvidia-smi reports no persistence mode")
                    gpu.migEnabled = .value(entry.migEnabled ?? false)
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
    /// PCI device ids from sysfs are kept when the tool has none.
    static func merge(_ found: [GPUFacts], into current: Fact<[GPUFacts]>?, vendor: String) -> Fact<[GPUFacts]>? {
        guard let current else { return nil }
        var list = current.value ?? []
        for var gpu in found {
            if let index = list.firstIndex(where: { $0.busID == gpu.busID }) {
                if gpu.deviceID.value == nil { gpu.deviceID = list[index].deviceID }
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
