import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigSpec

/// `bios.version` against DMI, and each `bios.settings` entry through what a probe can see of
/// it (see `BIOSSetting`): the CPU's virtualization flag, the SecureBoot variable, the boot mode,
/// an active IOMMU, and BAR1 size against VRAM for above-4G decoding and resizable BAR.
/// Every other setting (XMP, fan curves, …) is a manual checklist item: `ok` only when the
/// machine's build log records it as confirmed (the `confirmations` given to `audit`).
package struct BIOSCheck: SpecComparison {
    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> {
        guard let bios = spec.bios else { return [] }
        var groups: Set<FactGroup> = bios.version == nil ? [] : [.board]
        for setting in bios.settings {
            switch BIOSSetting(name: setting.name) {
            case .virtualization: groups.insert(.cpu)
            case .secureBoot, .uefi, .bootMode, .iommu: groups.insert(.firmware)
            case .above4GDecoding, .resizableBAR: groups.insert(.gpus)
            case nil: break
            }
        }
        return groups
    }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard let bios = spec.bios else { return [] }
        var findings: [Finding] = []
        if let version = bios.version, let board = facts.board {
            findings.append(context.compare("bios.version", expected: version, fact: board.biosVersion, what: "the BIOS version",
                                            show: { $0 }, matches: { $0.trimmed(.whitespaces) == version }))
        }
        for setting in bios.settings {
            if let finding = self.finding(for: setting, facts, context) { findings.append(finding) }
        }
        return findings
    }

    private func finding(for setting: MachineSpec.BIOS.Setting, _ facts: Facts, _ context: AuditContext) -> Finding? {
        let key: SpecKeyPath = "bios.settings.\(setting.name)", what = "BIOS setting \(setting.name)"
        guard let kind = BIOSSetting(name: setting.name) else {
            return context.manual(key, expected: setting.value, what: what)
        }
        if kind == .bootMode {
            guard let firmware = facts.firmware else { return nil }
            let wanted = setting.value.lowercased()
            guard wanted == "uefi" || wanted == "legacy" else { return context.manual(key, expected: setting.value, what: what) }
            return context.compare(key, expected: setting.value, fact: firmware.bootMode, what: "the boot mode",
                                   show: { $0 }, matches: { $0 == wanted })
        }
        guard let on = BIOSSetting.switchValue(setting.value) else {
            return context.manual(key, expected: setting.value, what: what)
        }
        let state = { (enabled: Bool) in enabled ? "enabled" : "disabled" }
        switch kind {
        case .virtualization:
            guard let cpu = facts.cpu else { return nil }
            return context.compare(key, expected: setting.value, fact: cpu.virtualization, what: "CPU virtualization (vmx/svm flag)",
                                   show: { $0 == "none" ? "disabled (no vmx/svm flag)" : "enabled (\($0) flag)" },
                                   matches: { ($0 != "none") == on })
        case .secureBoot:
            guard let firmware = facts.firmware else { return nil }
            return context.compare(key, expected: setting.value, fact: firmware.secureBoot, what: "Secure Boot",
                                   show: state, matches: { $0 == on })
        case .uefi:
            guard let firmware = facts.firmware else { return nil }
            return context.compare(key, expected: setting.value, fact: firmware.bootMode, what: "the boot mode",
                                   show: { $0 }, matches: { ($0 == "uefi") == on })
        case .iommu:
            guard let firmware = facts.firmware else { return nil }
            return context.compare(key, expected: setting.value, fact: firmware.iommu, what: "the IOMMU",
                                   show: { $0 ? "active" : "not active" }, matches: { $0 == on })
        case .above4GDecoding, .resizableBAR:
            guard let gpus = facts.gpus else { return nil }
            return barFinding(key, kind, setting.value, on: on, gpus, context)
        case .bootMode:
            return nil
        }
    }

    /// Judges from every NVIDIA GPU's BAR1: above-4G decoding is on when BAR1 exceeds the legacy
    /// 256 MiB window; resizable BAR is on when BAR1 covers the VRAM.
    private func barFinding(_ key: SpecKeyPath, _ kind: BIOSSetting, _ value: String, on: Bool, _ gpus: Fact<[GPUFacts]>,
                            _ context: AuditContext) -> Finding {
        let what = kind == .resizableBAR ? "resizable BAR (BAR1 vs VRAM)" : "above-4G decoding (BAR1 size)"
        guard case .value(let list) = gpus else {
            return context.unknown(key, expected: value, what: what, reason: gpus.reason ?? "")
        }
        let nvidia = list.filter { $0.vendor == "nvidia" }
        guard !nvidia.isEmpty else {
            return context.unknown(key, expected: value, what: what, reason: "no NVIDIA GPU to read a BAR1 size from")
        }
        var enabled: [Bool] = []
        var shown: [String] = []
        for gpu in nvidia {
            guard let bar1 = gpu.bar1Bytes.value else {
                return context.unknown(key, expected: value, what: what, reason: gpu.bar1Bytes.reason ?? "")
            }
            switch kind {
            case .resizableBAR:
                guard let vram = gpu.vramBytes.value else {
                    return context.unknown(key, expected: value, what: what, reason: gpu.vramBytes.reason ?? "")
                }
                enabled.append(bar1 >= vram)
                shown.append("BAR1 \(ByteCount.binary(Double(bar1))) for \(ByteCount.binary(Double(vram))) VRAM")
            default:
                enabled.append(bar1 > BIOSSetting.legacyBAR1Bytes)
                shown.append("BAR1 \(ByteCount.binary(Double(bar1)))")
            }
        }
        let actual = Array(Set(shown)).sorted().joined(separator: ", ")
        if enabled.allSatisfy({ $0 == on }) {
            return context.ok(key, expected: value, actual: actual, "\(what): \(actual), so it is \(on ? "enabled" : "disabled")")
        }
        return context.drift(key, expected: value, actual: actual,
                             "\(what): \(actual), so it is \(on ? "not enabled" : "enabled"); the spec wants \(value)")
    }
}
