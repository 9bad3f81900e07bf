import RigSpec
import RigSystem
/// Total memory from `/proc/meminfo`; the modules from `dmidecode -t 17`, which needs root.
package struct MemoryProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.memory] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        var memory = MemoryFacts()
        switch system.readTextResult("/proc/meminfo") {
        case .success(let text):
            let info = Meminfo.parse(text)
            memory.totalBytes = Fact(info.totalBytes, else: info.outOfRange.contains("MemTotal")
                                     ? "/proc/meminfo: MemTotal is out of range" : "/proc/meminfo has no MemTotal")
        case .failure(let error): memory.totalBytes = .unknown(error.description)
        }
        if system.isRoot() {
            let result = await system.run(["dmidecode", "-t", "17"], timeout: timeout)
            if let reason = result.failureReason(program: "dmidecode") {
                memory.dimms = .unknown(reason)
                memory.slots = .unknown(reason)
            } else {
                let devices = Dmidecode.parse(result.output).memoryDevices
                if devices.isEmpty {
                    memory.dimms = .unknown("dmidecode lists no memory devices (no SMBIOS tables: a VM?)")
                    memory.slots = .unknown("dmidecode lists no memory devices (no SMBIOS tables: a VM?)")
                } else if let bad = devices.first(where: { $0.unreadableSize != nil }) {
                    let reason = "dmidecode: the size of \(UntrustedText.escaped(bad.locator, limit: 40)) is not a size rigctl can read: "
                        + UntrustedText.escaped(bad.unreadableSize ?? "", limit: 40)
                    memory.dimms = .unknown(reason)
                    memory.slots = .value(devices.count)
                } else {
                    memory.slots = .value(devices.count)
                    memory.dimms = .value(devices.compactMap(Self.dimm))
                }
            }
        } else {
            memory.dimms = .unknown("needs root (dmidecode reads the SMBIOS tables)")
            memory.slots = .unknown("needs root (dmidecode reads the SMBIOS tables)")
        }
        let result = memory
        return FactsUpdate { $0.memory = result }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.memory?.totalBytes = .unknown(reason)
            facts.memory?.dimms = .unknown(reason)
            facts.memory?.slots = .unknown(reason)
        }
    }

    static func dimm(_ device: Dmidecode.MemoryDevice) -> DIMMFacts? {
        guard let size = device.sizeBytes, size > 0 else { return nil }
        let locator = [device.bankLocator, device.locator.nonEmpty].compactMap { $0 }.joined(separator: "/")
        return DIMMFacts(locator: locator, sizeBytes: size, type: device.type,
                         ratedSpeedMTs: device.ratedSpeedMTs, configuredSpeedMTs: device.configuredSpeedMTs)
    }
}
