import RigSpec
import RigSystem

/// A theme that cannot be rendered, with the spec key at fault and where it was written.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec key at fault (`theme.foreground`).
    public var keyPath: String
    /// What is wrong, in words a person can act on.
    public var message: String
    /// Where `keyPath` (or its nearest parent) was written, when known.
    public var location: SourceLocation?

    public init(keyPath: String, message: String, location: SourceLocation? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }
}
