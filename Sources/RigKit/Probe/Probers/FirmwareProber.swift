import RigSpec
import FoundationEssentials
import RigSystem

/// Boot mode (`/sys/firmware/efi`), Secure Boot (the last byte of the SecureBoot EFI variable)
/// and whether an IOMMU is active (`/sys/class/iommu` or `/sys/kernel/iommu_groups` non-empty).
package struct FirmwareProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.firmware] }
    static let secureBootVariable = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-e98c0333c3b8"

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        var firmware = FirmwareFacts()
        let uefi = system.fileExists("/sys/firmware/efi")
        firmware.bootMode = .value(uefi ? "uefi" : "legacy")
        if !uefi {
            firmware.secureBoot = .value(false)
        } else {
            switch Result(catching: { () throws(SystemError) -> Data in try system.readFile(Self.secureBootVariable) }) {
            case .success(let data): firmware.secureBoot = Fact(data.last.map { $0 == 1 }, else: "SecureBoot variable is empty")
            case .failure(.notFound): firmware.secureBoot = .unknown("no SecureBoot EFI variable (efivarfs not mounted?)")
            case .failure(let error): firmware.secureBoot = .unknown(error.description)
            }
        }
        firmware.iommu = Self.iommu(system)
        let result = firmware
        return FactsUpdate { $0.firmware = result }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.firmware?.bootMode = .unknown(reason)
            facts.firmware?.secureBoot = .unknown(reason)
            facts.firmware?.iommu = .unknown(reason)
        }
    }

    static func iommu(_ system: any System) -> Fact<Bool> {
        var reasons: [String] = []
        for path in ["/sys/class/iommu", "/sys/kernel/iommu_groups"] {
            do {
                if try !system.listDirectory(path).isEmpty { return .value(true) }
            } catch {
                reasons.append(error.description)
            }
        }
        return reasons.count == 2 ? .unknown(reasons.joined(separator: "; ")) : .value(false)
    }
}
