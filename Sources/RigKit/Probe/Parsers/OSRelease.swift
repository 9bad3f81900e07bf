import RigSpec
import Foundation
import RigSystem

/// `/etc/os-release`: `KEY=value` lines, values optionally in single or double quotes with
/// backslash escapes (os-release(5)).
public struct OSRelease: Sendable, Equatable {
    public var values: [String: String]

    public static func parse(_ text: String) -> OSRelease {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            values[String(trimmed[..<equals])] = unquote(trimmed[trimmed.index(after: equals)...])
        }
        return OSRelease(values: values)
    }

    public var id: String? { values["ID"] }
    public var versionID: String? { values["VERSION_ID"] }
    public var prettyName: String? { values["PRETTY_NAME"] }
    public var codename: String? { values["VERSION_CODENAME"] }

    private static func unquote(_ raw: Substring) -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'", raw.count >= 2, raw.last == quote else { return String(raw) }
        var result = "", escaped = false
        for character in raw.dropFirst().dropLast() {
            if escaped { result.append(character); escaped = false } else if character == "\\" && quote == "\"" { escaped = true } else { result.append(character) }
        }
        return result
    }
}
