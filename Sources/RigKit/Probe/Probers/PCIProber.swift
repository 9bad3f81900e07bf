import RigSpec
import RigSystem
/// Every display controller (PCI class 0x03xxxx) from `/sys/bus/pci/devices`, with vendor and
/// device ids, the PCIe link (`PCIeLinkSysfs`), AMD VRAM from `mem_info_vram_total`, and names from `lspci -vmm -nn` when present.
/// nvidia-smi and rocm-smi add what only they know.
package struct PCIProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.gpus] }
    static let devices = "/sys/bus/pci/devices"
    /// The reason when this host has no PCI sysfs at all.
    static let noSysfsReason = SystemError.notFound(devices).description

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let addresses: [String]
        do { addresses = try system.listDirectory(Self.devices) } catch { return unavailable(error.description) }
        var gpus: [GPUFacts] = []
        for address in addresses {
            let path = "\(Self.devices)/\(address)"
            guard let klass = try? system.readText(path + "/class").trimmed, klass.hasPrefix("0x03") else { continue }
            let vendorID = (try? system.readText(path + "/vendor").trimmed) ?? ""
            var gpu = GPUFacts(busID: PCIAddress.normalize(address), vendor: PCIAddress.vendorName(vendorID))
            gpu.deviceID = Fact((try? system.readText(path + "/device"))?.trimmed.nonEmpty, else: "\(path)/device unreadable")
            gpu.model = .unknown("lspci not installed and no vendor tool reported it")
            Self.setVendorDefaults(&gpu, system: system, path: path)
            gpu.pcieLink = PCIeLinkSysfs.read(system, device: path)
            gpus.append(gpu)
        }
        if !gpus.isEmpty { await addNames(&gpus, system: system, timeout: timeout) }
        if gpus.contains(where: { $0.vendor == "amd" }) { Self.addGFXTargets(&gpus, system: system) }
        let found = gpus
        return FactsUpdate { $0.gpus = .value(found) }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.gpus = .unknown(reason) }
    }

    /// What sysfs alone can say, and a reason for what it leaves to the vendor tools.
    private static func setVendorDefaults(_ gpu: inout GPUFacts, system: any System, path: String) {
        let notNvidia = "not an NVIDIA GPU"
        switch gpu.vendor {
        case "nvidia":
            let needsSMI = "needs nvidia-smi"
            gpu.vramBytes = .unknown(needsSMI)
            gpu.computeCapability = .unknown(needsSMI)
            gpu.powerLimitWatts = .unknown(needsSMI)
            gpu.defaultPowerLimitWatts = .unknown(needsSMI)
            gpu.persistenceMode = .unknown(needsSMI)
            gpu.bar1Bytes = .unknown(needsSMI)
            gpu.migEnabled = .unknown(needsSMI)
        default:
            gpu.vramBytes = .field((try? system.readText(path + "/mem_info_vram_total"))?.trimmed, { UInt64($0) },
                                   name: "mem_info_vram_total",
                                   missing: gpu.vendor == "amd" ? "no mem_info_vram_total (amdgpu not loaded?)" : "not reported for this vendor")
            gpu.computeCapability = .unknown(notNvidia)
            gpu.powerLimitWatts = .unknown(gpu.vendor == "amd" ? "needs rocm-smi" : "not reported for this vendor")
            gpu.defaultPowerLimitWatts = .unknown(gpu.vendor == "amd" ? "needs rocm-smi" : "not reported for this vendor")
            gpu.persistenceMode = .unknown(notNvidia)
            gpu.bar1Bytes = .unknown(notNvidia)
            gpu.migEnabled = .value(false)
        }
    }

    static let kfdNodes = "/sys/class/kfd/kfd/topology/nodes"

    /// Each AMD GPU's LLVM target from the kernel's KFD topology (the node whose PCI address is the GPU's);
    /// amd-smi and rocm-smi may add it later where the kernel has no KFD node.
    private static func addGFXTargets(_ gpus: inout [GPUFacts], system: any System) {
        var targets: [String: String] = [:]
        let nodes = (try? system.listDirectory(kfdNodes)) ?? []
        for node in nodes.prefix(256) {
            guard let text = try? system.readText("\(kfdNodes)/\(node)/properties") else { continue }
            let properties = KFDNodeProperties.parse(text)
            if let address = properties.pciAddress, let target = properties.gfxTarget { targets[address] = target }
        }
        let missing = nodes.isEmpty ? "no \(kfdNodes) (amdgpu's KFD not loaded)" : "no KFD topology node for this GPU"
        for index in gpus.indices where gpus[index].vendor == "amd" {
            gpus[index].gfxTarget = Fact(targets[gpus[index].busID], else: missing)
        }
    }

    private func addNames(_ gpus: inout [GPUFacts], system: any System, timeout: Duration) async {
        let result = await system.run(["lspci", "-vmm", "-nn"], timeout: timeout)
        if let reason = result.failureReason(program: "lspci") {
            for index in gpus.indices { gpus[index].model = .unknown(reason) }
            return
        }
        let devices = Lspci.parseMachineReadable(result.output).devices
        for index in gpus.indices {
            if let device = devices.first(where: { PCIAddress.normalize($0.slot) == gpus[index].busID }) {
                gpus[index].model = .value(device.marketingName)
            } else {
                gpus[index].model = .unknown("lspci does not list \(gpus[index].busID)")
            }
        }
    }
}

/// PCI addresses and vendor ids as the tools write them.
enum PCIAddress {
    /// `00000000:01:00.0`, `0000:01:00.0` and `01:00.0` → `0000:01:00.0` (lowercase).
    static func normalize(_ address: String) -> String {
        let lower = address.lowercased().trimmed
        let parts = lower.split(separator: ":")
        switch parts.count {
        case 2: return "0000:" + lower
        case 3:
            let domain = parts[0].count > 4 ? String(parts[0].suffix(4)) : String(repeating: "0", count: 4 - parts[0].count) + parts[0]
            return "\(domain):\(parts[1]):\(parts[2])"
        default: return lower
        }
    }

    /// `0x10de` → nvidia; unknown vendors keep their id.
    static func vendorName(_ id: String) -> String {
        switch id.lowercased() {
        case "0x10de", "10de": return "nvidia"
        case "0x1002", "1002": return "amd"
        case "0x8086", "8086": return "intel"
        default: return id.isEmpty ? "unknown" : id.lowercased()
        }
    }
}
