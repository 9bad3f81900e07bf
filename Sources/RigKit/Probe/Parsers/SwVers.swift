import RigSpec
import RigText

/// `sw_vers` output: `ProductName:\tmacOS`, `ProductVersion:\t15.5`, `BuildVersion:\t24F74`
/// (sw_vers(1); the separator is one or more tabs).
package struct SwVers: Sendable, Equatable {
    package var productName: String?
    package var productVersion: String?
    package var buildVersion: String?

    package static func parse(_ text: String) -> SwVers {
        var result = SwVers()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = String(line[line.index(after: colon)...].trimmed(.whitespaces))
            guard !value.isEmpty else { continue }
            switch line[..<colon].trimmed(.whitespaces) {
            case "ProductName": result.productName = value
            case "ProductVersion": result.productVersion = value
            case "BuildVersion": result.buildVersion = value
            default: continue
            }
        }
        return result
    }
}
