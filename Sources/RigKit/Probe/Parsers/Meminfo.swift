import RigSpec
import Foundation
import RigSystem

/// `/proc/meminfo`: `Key:   value kB` lines (9-digit values overflow the padding; split on the colon).
public struct Meminfo: Sendable, Equatable {
    /// Key → bytes (kB values × 1024; counts such as `HugePages_Total` as they are).
    public var values: [String: UInt64]

    public static func parse(_ text: String) -> Meminfo {
        var values: [String: UInt64] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(separator: " ")
            guard let number = words.first.flatMap({ UInt64($0) }) else { continue }
            values[String(line[..<colon])] = words.count > 1 && words[1] == "kB" ? number * 1024 : number
        }
        return Meminfo(values: values)
    }

    public var totalBytes: UInt64? { values["MemTotal"] }
}
