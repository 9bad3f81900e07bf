import RigSpec
import FoundationEssentials
import RigSystem
/// `nvidia-smi --query-gpu=… --format=csv`: one row per GPU, read by field name, never by
/// position (the set of fields differs between driver branches). Values nvidia-smi cannot give
/// (`[N/A]`, `[Not Supported]`, `[Requested functionality has been deprecated]`) read as nil.
package struct NvidiaSMICSV: Sendable, Equatable {
    /// One GPU: field name (units dropped: `memory.total`) → raw value (`81559 MiB`).
    package struct Row: Sendable, Equatable {
        package var fields: [String: String]

        /// The value of `field`, nil when absent or not available.
        package subscript(_ field: String) -> String? {
            guard let raw = fields[field], NvidiaSMICSV.isAvailable(raw) else { return nil }
            return raw
        }
    }

    package var rows: [Row]

    /// Parses output with a header line.
    package static func parse(_ text: String) -> NvidiaSMICSV {
        var lines = nonEmptyLines(text)
        guard !lines.isEmpty else { return NvidiaSMICSV(rows: []) }
        let header = cells(lines.removeFirst()).map(fieldName)
        return NvidiaSMICSV(rows: lines.map { row(header: header, values: cells($0)) })
    }

    /// Parses `--format=csv,noheader` output, naming the columns by the query's field order.
    package static func parse(_ text: String, fields: [String]) -> NvidiaSMICSV {
        let header = fields.map(fieldName)
        return NvidiaSMICSV(rows: nonEmptyLines(text).map { row(header: header, values: cells($0)) })
    }

    /// False for the placeholders nvidia-smi prints when a field has no value on this GPU.
    static func isAvailable(_ raw: String) -> Bool {
        !(raw.isEmpty || raw == "N/A" || (raw.hasPrefix("[") && raw.hasSuffix("]")))
    }

    private static func row(header: [String], values: [String]) -> Row {
        var fields: [String: String] = [:]
        for (name, value) in zip(header, values) { fields[name] = value }
        return Row(fields: fields)
    }

    private static func nonEmptyLines(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private static func cells(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
    }

    /// `memory.total [MiB]` → `memory.total`.
    private static func fieldName(_ header: String) -> String {
        if let bracket = header.firstIndex(of: "[") { return String(header[..<bracket]).trimmed }
        return header.trimmed
    }
}
