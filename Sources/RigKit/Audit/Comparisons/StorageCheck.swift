import RigText
import RigSpec
import RigSystem
import RigProbe

/// `parts.storage`: each disk found by model (case, spacing and `_` ignored; lsblk may shorten
/// it, so either name may contain the other), then its size and interface. Sizes must agree
/// within `sizeTolerance`, tight enough that a 1 TB disk is not a 1 TiB one (they differ by 10 %).
package struct StorageCheck: SpecComparison {
    /// Vendors round labels: a "1 TB" disk has 1,000,204,886,016 bytes.
    package static let sizeTolerance = 0.02

    package init() {}

    package func groups(for spec: MachineSpec) -> Set<FactGroup> { spec.parts.storage.isEmpty ? [] : [.storage] }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard !spec.parts.storage.isEmpty, let storage = facts.storage else { return [] }
        guard case .value(let disks) = storage else {
            return spec.parts.storage.indices.map {
                context.unknown("parts.storage[\($0)].model", expected: spec.parts.storage[$0].model, what: "the disks",
                                reason: storage.reason ?? "")
            }
        }
        // Each reported model normalised once, not once per disk of the spec it is compared with.
        var unassigned = disks.map { (disk: $0, model: $0.model.map(Self.normalized)) }
        var findings: [Finding] = []
        for (index, disk) in spec.parts.storage.enumerated() {
            let wanted = Self.normalized(disk.model)
            var matched: [DiskFacts] = []
            while matched.count < disk.count, let next = unassigned.firstIndex(where: { Self.sameNormalizedModel(wanted, $0.model) }) {
                matched.append(unassigned.remove(at: next).disk)
            }
            findings.append(modelFinding(index, disk, matched, others: unassigned.map(\.disk), context))
            guard !matched.isEmpty else { continue }
            findings.append(sizeFinding(index, disk, matched, context))
            if let interface = disk.interface { findings.append(interfaceFinding(index, interface, matched, context)) }
        }
        return findings
    }

    static func normalized(_ model: String) -> String {
        model.utf8.allSatisfy { $0 < 0x80 } ? asciiNormalized(model) : unicodeNormalized(model)
    }

    static func unicodeNormalized(_ model: String) -> String {
        model.uppercased().replacingEvery("_", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `unicodeNormalized` for ASCII text, over bytes: ASCII white space is `\t`…`\r` and space.
    static func asciiNormalized(_ model: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(model.utf8.count)
        var pendingSpace = false
        for byte in model.utf8 {
            if byte == UInt8(ascii: "_") || byte == 0x20 || byte &- 0x09 < 5 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte &- UInt8(ascii: "a") < 26 ? byte - 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func sameModel(_ wanted: String, _ reported: String?) -> Bool {
        sameNormalizedModel(normalized(wanted), reported.map(normalized))
    }

    private static func sameNormalizedModel(_ a: String, _ b: String?) -> Bool {
        guard let b, !a.isEmpty, !b.isEmpty else { return false }
        return a == b || a.contains(b) || b.contains(a)
    }

    private func modelFinding(_ index: Int, _ disk: MachineSpec.Disk, _ matched: [DiskFacts], others: [DiskFacts],
                              _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.storage[\(index)].model"
        let expected = disk.count == 1 ? disk.model : "\(disk.count) × \(disk.model)"
        if matched.count == disk.count {
            return context.ok(key, expected: expected, actual: expected, "found \(expected) as \(matched.map(\.name).joined(separator: ", "))")
        }
        let present = others.map { "\($0.name) (\($0.model ?? "no model"), \(ByteCount.decimal(Double($0.sizeBytes))))" }
        let rest = present.isEmpty ? "" : "; other disks: " + present.joined(separator: ", ")
        return context.missing(key, expected: expected, actual: "\(matched.count) × \(disk.model)",
                               "\(disk.count - matched.count) \(disk.model) missing: the spec wants \(disk.count), found \(matched.count)\(rest)")
    }

    private func sizeFinding(_ index: Int, _ disk: MachineSpec.Disk, _ matched: [DiskFacts], _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.storage[\(index)].size"
        let sizes = matched.map { Double($0.sizeBytes) }
        let actual = matched.map { "\(ByteCount.decimal(Double($0.sizeBytes))) (\($0.sizeBytes) bytes)" }.joined(separator: ", ")
        if sizes.allSatisfy({ abs($0 - disk.size.value) <= disk.size.value * Self.sizeTolerance }) {
            return context.ok(key, expected: disk.size.text, actual: actual, "disk size is \(actual)")
        }
        return context.drift(key, expected: disk.size.text, actual: actual, "disk size is \(actual), the spec wants \(disk.size.text)")
    }

    private func interfaceFinding(_ index: Int, _ interface: MachineSpec.Disk.Interface, _ matched: [DiskFacts],
                                  _ context: AuditContext) -> Finding {
        let key: SpecKeyPath = "parts.storage[\(index)].interface"
        guard matched.allSatisfy({ $0.transport != nil }) else {
            return context.unknown(key, expected: interface.rawValue, what: "the disk interface", reason: "lsblk reports no transport")
        }
        let transports = matched.compactMap(\.transport)
        let actual = Array(Set(transports)).sorted().joined(separator: ", ")
        if transports.allSatisfy({ $0 == interface.rawValue }) {
            return context.ok(key, expected: interface.rawValue, actual: actual, "disk interface is \(actual)")
        }
        return context.drift(key, expected: interface.rawValue, actual: actual, "disk interface is \(actual), the spec wants \(interface.rawValue)")
    }
}
