import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `lscpu -J` (flat, and the nested `children` form of util-linux ≥ 2.37), the CPU prober's fallback
/// for what /proc/cpuinfo leaves out. Fields are looked up by label, never by position. The plain-text
/// layout is not read: every release rigctl supports has `-J` (util-linux 2.34 in Ubuntu 20.04 and
/// 2.36 in Debian 11, and the Grace capture's flat layout is from util-linux ~2.34).
package struct Lscpu: Sendable, Equatable {
    /// Label without the colon (`Model name`) → value, trimmed.
    package var fields: [String: String]

    package static func parseJSON(_ data: Data) -> Lscpu? {
        guard let object = try? JSONValue.parse(data), let entries = object["lscpu"]?.array else { return nil }
        var fields: [String: String] = [:]
        func add(_ entries: [JSONValue]) {
            for entry in entries {
                if let field = entry["field"]?.string, let data = entry["data"]?.string {
                    let key = field.hasSuffix(":") ? String(field.dropLast()) : field
                    if fields[key.trimmed] == nil { fields[key.trimmed] = data.trimmed }
                }
                if let children = entry["children"]?.array { add(children) }
            }
        }
        add(entries)
        return Lscpu(fields: fields)
    }

    package var architecture: String? { fields["Architecture"] }
    package var vendor: String? { fields["Vendor ID"] }
    package var modelName: String? { fields["Model name"] }
    package var cpus: Int? { count("CPU(s)") }
    package var sockets: Int? { count("Socket(s)") }
    package var coresPerSocket: Int? { count("Core(s) per socket") }
    package var threadsPerCore: Int? { count("Thread(s) per core") }
    /// A positive count; nil for garbage, negatives and numbers past `Int`.
    private func count(_ key: String) -> Int? {
        fields[key].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
    /// Physical cores over all sockets.
    package var cores: Int? {
        guard let sockets, let coresPerSocket else { return nil }
        let (cores, overflow) = sockets.multipliedReportingOverflow(by: coresPerSocket)
        return overflow || cores <= 0 ? nil : cores
    }
    package var maxMHz: Double? { fields["CPU max MHz"].flatMap { Double($0) }.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } }
    /// `VT-x` or `AMD-V` when the CPU shows the flag.
    package var virtualization: String? { fields["Virtualization"] }
    package var flags: Set<String> { Set((fields["Flags"] ?? "").split(separator: " ").map(String.init)) }
}
