import RigSpec
import FoundationEssentials
import RigSystem

/// `/proc/meminfo`: `Key:   value kB` lines (9-digit values overflow the padding; split on the colon).
package struct Meminfo: Sendable, Equatable {
    /// Key → bytes (kB values × 1024; counts such as `HugePages_Total` as they are).
    package var values: [String: UInt64]
    /// Keys whose value does not fit a byte count (more than 16 EiB); not in `values`.
    package var outOfRange: Set<String> = []

    package static func parse(_ text: String) -> Meminfo {
        var values: [String: UInt64] = [:], outOfRange: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(separator: " ")
            guard let first = words.first else { continue }
            guard let number = UInt64(first) else {
                if first.allSatisfy(\.isNumber) { outOfRange.insert(String(line[..<colon])) }
                continue
            }
            let isKilobytes = words.count > 1 && words[1] == "kB"
            let (bytes, overflow) = number.multipliedReportingOverflow(by: isKilobytes ? 1024 : 1)
            guard !overflow else { outOfRange.insert(String(line[..<colon])); continue }
            values[String(line[..<colon])] = bytes
        }
        return Meminfo(values: values, outOfRange: outOfRange)
    }

    package var totalBytes: UInt64? { values["MemTotal"] }
}
