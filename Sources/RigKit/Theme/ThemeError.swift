import RigSpec
import RigSystem

/// A theme that cannot be rendered, with the spec key at fault and where it was written.
package struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec key at fault (`theme.foreground`).
    package var keyPath: String
    /// What is wrong, in words a person can act on.
    package var message: String
    /// Where `keyPath` (or its nearest parent) was written, when known.
    package var location: SourceLocation?

    package init(keyPath: String, message: String, location: SourceLocation? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.location = location
    }

    package var description: String {
        location.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }
}
