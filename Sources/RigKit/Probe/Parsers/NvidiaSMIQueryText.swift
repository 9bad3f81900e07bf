import RigSpec
import FoundationEssentials
import RigSystem

/// `nvidia-smi -q` as text (any `-d` selection): the header (`Driver Version`, `CUDA Version`)
/// and, per GPU, every `Key : Value` by its section path (`BAR1 Memory Usage/Total`,
/// `GPU Power Readings/Current Power Limit`). Sections nest by indentation.
package struct NvidiaSMIQueryText: Sendable, Equatable {
    package struct GPU: Sendable, Equatable {
        /// As printed after `GPU `: `00000000:00:06.0`.
        package var busID: String
        /// Section path → value, `N/A` left in.
        package var fields: [String: String]

        /// A value, nil when absent or `N/A`/`[Not Supported]`-like.
        package subscript(_ path: String) -> String? {
            guard let value = fields[path], NvidiaSMICSV.isAvailable(value) else { return nil }
            return value
        }
    }

    /// Top-level `Key : Value` lines.
    package var header: [String: String]
    package var gpus: [GPU]

    package var driverVersion: String? { header["Driver Version"] }
    package var cudaVersion: String? { header["CUDA Version"].flatMap { NvidiaSMICSV.isAvailable($0) ? $0 : nil } }

    package static func parse(_ text: String) -> NvidiaSMIQueryText {
        var result = NvidiaSMIQueryText(header: [:], gpus: [])
        var sections: [(indent: Int, name: String)] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let content = line.trimmed
            guard !content.isEmpty, !content.hasPrefix("====") else { continue }
            if indent == 0, content.hasPrefix("GPU "), !content.contains(" : ") {
                result.gpus.append(GPU(busID: String(content.dropFirst(4)), fields: [:]))
                sections = []
                continue
            }
            while let last = sections.last, last.indent >= indent { sections.removeLast() }
            guard let separator = content.firstRange(of: " : ") ?? (content.hasSuffix(" :") ? content.ranges(of: " :").last : nil) else {
                sections.append((indent, content))
                continue
            }
            let key = String(content[..<separator.lowerBound]).trimmed
            let value = String(content[separator.upperBound...]).trimmed
            if result.gpus.isEmpty || indent == 0 {
                result.header[key] = value
            } else {
                let path = (sections.map(\.name) + [key]).joined(separator: "/")
                result.gpus[result.gpus.count - 1].fields[path] = value
            }
        }
        return result
    }
}
