import Foundation
import Testing

/// Test-side reading of JSON with comments, independent of the code under test: strips comments and
/// trailing commas with its own small scanner, then parses with Foundation's JSONSerialization.
enum JSONCTestSupport {
    static func fixture(_ name: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: fixtures.appendingPathComponent("vscode/\(name)"), encoding: .utf8)
    }

    static func parse(_ text: String) throws -> [String: Any] {
        let data = Data(strip(text).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func strip(_ text: String) -> String {
        let chars = Array(text)
        var out: [Character] = []
        var i = 0
        var inString = false
        while i < chars.count {
            let c = chars[i]
            if inString {
                out.append(c)
                if c == "\\", i + 1 < chars.count { out.append(chars[i + 1]); i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
                out.append(c)
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            } else if c == "}" || c == "]" {
                // Drop a comma that only whitespace separates from this closing bracket.
                var j = out.count - 1
                while j >= 0, out[j].isWhitespace { j -= 1 }
                if j >= 0, out[j] == "," { out.remove(at: j) }
                out.append(c)
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }
}
