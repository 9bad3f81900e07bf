import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigSpec

/// `rigctl init`: a starting machine spec (YAML, the spec format of docs/spec.md) written from
/// live facts. Facts that are unknown become comments with their reason; what no probe can see
/// (PSU, BIOS settings, theme) is left as commented examples to fill in by hand.
package enum StarterSpec {
    package static func yaml(from facts: Facts) -> String {
        var lines: [String] = [
            "# Machine spec written by `rigctl init` from the live facts of this machine.",
            "# Check every value, then fill in by hand what no probe can see:",
            "#   - parts.psu: the power supply's model and rated power",
            "#   - bios.settings: above-4g-decoding, virtualization, secure-boot, xmp, …",
            "#   - theme: background, foreground and accent colours",
            "version: 1",
        ]
        switch facts.hostname {
        case .value(let name)?: lines.append("hostname: \(YAMLWriter.quote(name))")
        case .unknown(let reason)?: lines.append("hostname: \"localhost\"  # fill in: hostname unknown (\(comment(reason)))")
        case nil: lines.append("hostname: \"localhost\"  # fill in: hostname not probed")
        }
        lines += osLines(facts.os)
        let parts = partLines(facts)
        // A key holding only comments would be null: comment the key out too.
        lines.append(parts.allSatisfy { $0.hasPrefix("  #") } ? "# parts:" : "parts:")
        lines += parts
        lines += biosLines(facts.board)
        lines += driverLines(facts)
        lines += gpuSettingsLines(facts.gpus?.value ?? [])
        lines += [
            "# theme:",
            "#   background: \"#0b2540\"",
            "#   foreground: \"#e6eef7\"",
            "#   accent: \"#4aa3ff\"",
        ]
        // Values are quoted and comments escaped above; this pass guarantees that no line of the
        // file can break in two, whatever a fact held (YAML also ends a line at NEL, LS and PS).
        return lines.map(singleLine).joined(separator: "\n") + "\n"
    }

    private static func osLines(_ os: OSFacts?) -> [String] {
        guard let os, let id = os.id.value, let version = os.version.value else {
            let reason = os?.id.reason ?? os?.version.reason ?? "not probed"
            return ["os: { distro: ubuntu, release: \"24.04\" }  # fill in: os-release unknown (\(comment(reason)))"]
        }
        let supported = DistributionProfile.of(osReleaseID: id) != nil
        let known = DistributionProfile.all.map(\.distro.rawValue)
        let arch = os.architecture.value.flatMap { name in
            MachineSpec.OperatingSystem.Architecture.allCases.first { $0.kernelName == name && $0 != .amd64 }
        }.map { ", arch: \($0.rawValue)" } ?? ""
        return ["os: { distro: \(YAMLWriter.quote(id)), release: \(YAMLWriter.quote(version))\(arch) }"
                + (supported ? "" : "  # rigctl knows " + known.joined(separator: ", "))]
    }

    private static func partLines(_ facts: Facts) -> [String] {
        var lines: [String] = []
        if let cpu = facts.cpu {
            if let model = cpu.model.value {
                var fields = ["model: \(YAMLWriter.quote(label(CPUModelName.clean(model))))"]
                if let cores = cpu.cores.value { fields.append("cores: \(cores)") }
                if let threads = cpu.threads.value { fields.append("threads: \(threads)") }
                if let sockets = cpu.sockets.value, sockets > 1 { fields.append("sockets: \(sockets)") }
                lines.append("  cpu: { \(fields.joined(separator: ", ")) }")
            } else {
                lines.append("  # cpu: model unknown (\(comment(cpu.model.reason ?? "")))")
            }
        }
        if let board = facts.board {
            if let name = board.name.value {
                let vendor = board.vendor.value.map { "vendor: \(YAMLWriter.quote(label($0))), " } ?? ""
                lines.append("  motherboard: { \(vendor)model: \(YAMLWriter.quote(label(name))) }")
            } else {
                lines.append("  # motherboard: unknown (\(comment(board.name.reason ?? "")))")
            }
        }
        if let memory = facts.memory { lines += memoryLines(memory) }
        if let gpus = facts.gpus {
            let cards = (gpus.value ?? []).filter { ["nvidia", "amd"].contains($0.vendor) }
            if let reason = gpus.reason {
                lines.append("  # gpus: unknown (\(comment(reason)))")
            } else if !cards.isEmpty {
                lines.append("  gpus:")
                for (gpu, count) in grouped(cards, by: gpuLine) { lines.append("    - { \(gpu)\(count > 1 ? ", count: \(count)" : "") }") }
            }
        }
        if let storage = facts.storage {
            let disks = (storage.value ?? []).filter { $0.sizeBytes > 0 && $0.model != nil }
            for disk in (storage.value ?? []) where disk.model == nil {
                lines.append("  # storage: \(comment(disk.name)) (\(decimalSize(disk.sizeBytes))) reports no model")
            }
            if let reason = storage.reason {
                lines.append("  # storage: unknown (\(comment(reason)))")
            } else if !disks.isEmpty {
                lines.append("  storage:")
                for (disk, count) in grouped(disks, by: diskLine) { lines.append("    - { \(disk)\(count > 1 ? ", count: \(count)" : "") }") }
            }
        }
        lines.append("  # psu: { model: \"…\", power: 1000 W }  # fill in: no probe can see the power supply")
        return lines
    }

    private static func memoryLines(_ memory: MemoryFacts) -> [String] {
        if let dimms = memory.dimms.value, !dimms.isEmpty {
            let total = dimms.reduce(0.0) { $0 + Double($1.sizeBytes) }
            var fields = ["size: \(gibibytes(total))", "modules: \(dimms.count)"]
            let types = Set(dimms.compactMap(\.type))
            if types.count == 1, let type = types.first, ["DDR3", "DDR4", "DDR5"].contains(type) { fields.append("type: \(type)") }
            return ["  memory: { \(fields.joined(separator: ", ")) }"]
        }
        guard let total = memory.totalBytes.value else {
            return ["  # memory: unknown (\(comment(memory.totalBytes.reason ?? "")))"]
        }
        return ["  memory: { size: \(installedSize(total)) GiB }  # /proc/meminfo rounded up; modules unknown (\(comment(memory.dimms.reason ?? "none listed")))"]
    }

    private static func gpuLine(_ gpu: GPUFacts) -> String {
        var fields = ["model: \(YAMLWriter.quote(label(gpu.model.value ?? "unknown \(gpu.vendor) GPU \(gpu.deviceID.value ?? "")")))"]
        if let vram = gpu.vramBytes.value { fields.append("vram: \(gibibytes(vram))") }
        if let power = gpu.defaultPowerLimitWatts.value ?? gpu.powerLimitWatts.value { fields.append("power: \(watts(power))") }
        return fields.joined(separator: ", ")
    }

    private static func diskLine(_ disk: DiskFacts) -> String {
        var fields = ["model: \(YAMLWriter.quote(label(disk.model ?? "")))", "size: \(decimalSize(disk.sizeBytes))"]
        if let transport = disk.transport, ["nvme", "sata", "sas", "usb"].contains(transport) { fields.append("interface: \(transport)") }
        return fields.joined(separator: ", ")
    }

    private static func biosLines(_ board: BoardFacts?) -> [String] {
        let settings = [
            "  # settings:                       # fill in, e.g.:",
            "  #   above-4g-decoding: enabled   # → resizable BAR visible to the driver",
            "  #   virtualization: enabled      # → vmx/svm cpu flag",
            "  #   secure-boot: disabled        # → EFI SecureBoot variable",
            "  #   xmp: profile-1               # → not observable: a confirmed checklist item",
        ]
        guard let version = board?.biosVersion.value else {
            return ["# bios:  # version unknown (\(comment(board?.biosVersion.reason ?? "not probed"))); add settings to check by hand"]
        }
        return ["bios:", "  version: \(YAMLWriter.quote(version))"] + settings
    }

    private static func driverLines(_ facts: Facts) -> [String] {
        var entries: [String] = []
        if let driver = facts.nvidiaDriver {
            if let version = driver.version.value, let flavor = driver.flavor.value {
                // Bare only as the spec spells it: anything else a driver reports is quoted, never YAML syntax.
                let flavorText = ["open", "proprietary"].contains(flavor) ? flavor : YAMLWriter.quote(flavor)
                entries.append("  nvidia: { version: \(YAMLWriter.quote(version)), flavor: \(flavorText) }")
            } else if let version = driver.version.value {
                entries.append("  # nvidia: { version: \(YAMLWriter.quote(version)), flavor: open }  # fill in: flavor unknown (\(comment(driver.flavor.reason ?? "")))")
            }
        }
        if let cuda = facts.cuda {
            let newest = (cuda.toolkits.value ?? []).map(\.version).max { versionLess($0, $1) } ?? cuda.nvcc.value
            if let newest { entries.append("  cuda: \(YAMLWriter.quote(majorMinor(newest)))") }
        }
        if entries.isEmpty { return [] }
        // A key holding only comments would be null: comment the key out too.
        let onlyComments = entries.allSatisfy { $0.hasPrefix("  #") }
        return [onlyComments ? "# drivers:" : "drivers:"] + entries
    }

    private static func gpuSettingsLines(_ gpus: [GPUFacts]) -> [String] {
        let nvidia = gpus.filter { $0.vendor == "nvidia" }
        var fields: [String] = []
        let limits = Set(nvidia.compactMap(\.powerLimitWatts.value))
        if limits.count == 1, let limit = limits.first { fields.append("power-limit: \(watts(limit))") }
        let persistence = Set(nvidia.compactMap(\.persistenceMode.value))
        if persistence.count == 1, let mode = persistence.first { fields.append("persistence: \(mode)") }
        return fields.isEmpty ? [] : ["gpu-settings: { \(fields.joined(separator: ", ")) }"]
    }

    /// Identical lines counted, in first-seen order.
    private static func grouped<T>(_ items: [T], by line: (T) -> String) -> [(String, Int)] {
        var order: [String] = [], counts: [String: Int] = [:]
        for item in items {
            let text = line(item)
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// Recorded text (a reason, a device name) as it may stand in a YAML comment: control and
    /// line-break characters (LF, CR, and NEL, LS, PS, which YAML 1.1 and libyaml also break lines
    /// at) escaped, at most 200 characters.
    static func comment(_ text: String) -> String { UntrustedText.escaped(text, limit: 200) }

    /// The line with every scalar that could end it or drive a terminal escaped.
    static func singleLine(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { UntrustedText.needsEscaping($0) && $0 != "\t" }) else { return line }
        return String(line.unicodeScalars.map { $0 == "\t" ? "\t" : UntrustedText.escape($0) }.joined())
    }

    /// A part name the spec accepts (`SpecPatterns.label`): characters outside it become spaces,
    /// so `Arcturus GL-XL [Instinct MI100]` is written as `Arcturus GL-XL Instinct MI100`.
    static func label(_ text: String) -> String {
        if SpecPatterns.label.matches(text) { return text }
        let allowed = Set("._+/()&,:@#- ")
        let cleaned = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || allowed.contains($0)) ? $0 : " " })
        return String(cleaned.split(separator: " ").joined(separator: " ").prefix(128))
    }

    /// The smallest usual installed size (4, 6, 8, 12, 16, 24, 32, … GiB) that holds `usable`
    /// bytes: the kernel reports a little less than is installed.
    static func installedSize(_ usable: UInt64) -> Int {
        let gib = Double(usable) / 1_073_741_824
        var power = 1
        while true {
            for size in [power, power * 3 / 2] where size >= 1 && Double(size) >= gib { return size }
            power *= 2
        }
    }

    /// Nearest whole GiB (`24 GiB`; 16311 MiB → `16 GiB`), MiB below 1 GiB.
    static func gibibytes(_ bytes: UInt64) -> String { gibibytes(Double(bytes)) }

    static func gibibytes(_ bytes: Double) -> String {
        let gib = bytes / 1_073_741_824
        if gib < 1 { return "\(Int((bytes / 1_048_576).rounded())) MiB" }
        return "\(FactsSummary.number(gib.rounded())) GiB"
    }

    /// Disk sizes the way vendors label them: `1 TB`, `1.9 TB`, `512 GB`.
    static func decimalSize(_ bytes: UInt64) -> String {
        let gb = Double(bytes) / 1e9
        if gb >= 999.5 {
            let tb = (Double(bytes) / 1e11).rounded() / 10
            return "\(FactsSummary.number(tb)) TB"
        }
        return "\(Int(gb.rounded())) GB"
    }

    static func watts(_ value: Double) -> String { "\(FactsSummary.number(value.rounded())) W" }

    static func majorMinor(_ version: String) -> String {
        version.split(separator: ".").prefix(2).joined(separator: ".")
    }

    static func versionLess(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: ".").map { Int($0) ?? 0 }, right = b.split(separator: ".").map { Int($0) ?? 0 }
        return left.lexicographicallyPrecedes(right)
    }
}

/// CPU names without the marketing noise: `Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz` → `Intel Core i7-5820K`.
enum CPUModelName {
    static func clean(_ raw: String) -> String {
        var name = raw
        for mark in ["(R)", "(r)", "(TM)", "(tm)"] { name = name.replacingEvery(mark, with: "") }
        if let at = name.firstRange(of: " @ ") { name = String(name[..<at.lowerBound]) }
        var words = name.split(separator: " ").map(String.init)
        if words.last == "CPU" || words.last == "Processor" { words.removeLast() }
        if let last = words.last, last.hasSuffix("-Core") { words.removeLast() }
        if words.last == "CPU" { words.removeLast() }
        return words.joined(separator: " ")
    }
}

extension StarterSpec {
    package enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case failed(SystemError)

        package var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; use --force to replace it"
            case .failed(let error): return "cannot write: \(error)"
            }
        }
    }

    /// Writes `yaml` to `path` atomically; an existing file is replaced only with `force`.
    package static func write(_ yaml: String, to path: String, force: Bool, on system: any System) throws(WriteError) {
        if !force && system.fileExists(path) { throw .exists(path) }
        do { try system.writeText(path, yaml) } catch { throw .failed(error) }
    }
}
