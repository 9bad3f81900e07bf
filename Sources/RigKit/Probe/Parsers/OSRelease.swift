import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// `/etc/os-release`: `KEY=value` lines, values optionally in single or double quotes with
/// backslash escapes (os-release(5)).
package struct OSRelease: Sendable, Equatable {
    package var values: [String: String]

    package static func parse(_ text: String) -> OSRelease {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmed(.whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            values[String(trimmed[..<equals])] = unquote(trimmed[trimmed.index(after: equals)...])
        }
        return OSRelease(values: values)
    }

    package var id: String? { values["ID"] }
    package var versionID: String? { values["VERSION_ID"] }
    package var prettyName: String? { values["PRETTY_NAME"] }
    package var codename: String? { values["VERSION_CODENAME"] }

    private static func unquote(_ raw: Substring) -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'", raw.count >= 2, raw.last == quote else { return String(raw) }
        var result = "", escaped = false
        for character in raw.dropFirst().dropLast() {
            if escaped { result.append(character); escaped = false } else if character == "\\" && quote == "\"" { escaped = true } else { result.append(character) }
        }
        return result
    }
}
