/// One problem in a spec, printed the way compilers print them: `file:line:col: error: message`.
package struct Diagnostic: Error, Sendable, Equatable, Comparable, CustomStringConvertible {
    package enum Severity: String, Sendable, Codable { case error, warning, note }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String

    package init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = Diagnostic.printable(message)
    }

    /// Messages quote what a spec says; a spec's control characters (a terminal escape, a carriage
    /// return) are shown as `\u{1b}` instead of reaching the terminal, and a huge quote is cut.
    static func printable(_ message: String) -> String {
        let maxLength = 2000
        let clean = !message.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
        if clean && message.utf8.count <= maxLength { return message }
        var result = ""
        var length = 0
        for scalar in message.unicodeScalars {
            length += 1
            if length > maxLength { result += "…"; break }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    package var description: String { "\(location): \(severity.rawValue): \(message)" }

    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Thrown when one or more specs cannot be understood; carries every problem found.
package struct SpecError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
