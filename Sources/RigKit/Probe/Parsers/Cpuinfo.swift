import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `/proc/cpuinfo` (x86 layout): one block per logical CPU. Sockets and cores come from the
/// distinct `physical id` and (`physical id`, `core id`) pairs.
package struct Cpuinfo: Sendable, Equatable {
    package var vendor: String?
    package var modelName: String?
    /// Logical CPUs.
    package var processors: Int
    /// Nil when the blocks carry no `physical id` (most ARM kernels).
    package var sockets: Int?
    package var cores: Int?
    /// Flags of the first CPU.
    package var flags: Set<String>

    package static func parse(_ text: String) -> Cpuinfo {
        var info = Cpuinfo(processors: 0, flags: [])
        var packages = Set<String>(), cores = Set<String>()
        var physicalID: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { physicalID = nil; continue }
            let key = line[..<colon].trimmed(.whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmed
            switch key {
            case "processor": info.processors += 1
            case "vendor_id": if info.vendor == nil { info.vendor = value }
            case "model name": if info.modelName == nil { info.modelName = value }
            case "physical id": physicalID = value; packages.insert(value)
            case "core id": if let physicalID { cores.insert("\(physicalID)/\(value)") }
            case "flags": if info.flags.isEmpty { info.flags = Set(value.split(separator: " ").map(String.init)) }
            default: break
            }
        }
        if !packages.isEmpty { info.sockets = packages.count }
        if !cores.isEmpty { info.cores = cores.count }
        return info
    }

    /// `vmx` (Intel VT-x), `svm` (AMD-V) or `none`.
    package var virtualizationFlag: String {
        flags.contains("vmx") ? "vmx" : flags.contains("svm") ? "svm" : "none"
    }
}
