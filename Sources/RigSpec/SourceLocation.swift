/// A place in a spec file, 1-based like compilers print it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Key path (`parts.gpus[0].model`) → where it was written.
public struct SourceMap: Sendable, Equatable {
    private var entries: [String: SourceLocation] = [:]

    public init() {}

    public subscript(path: String) -> SourceLocation? {
        get { entries[path] }
        set { entries[path] = newValue }
    }

    /// The location of `path`, or of its nearest written parent (`drivers.nvidia` for `drivers.nvidia.flavor`).
    public func nearest(_ path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let found = entries[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return entries[""] }
            path = path[..<cut]
        }
    }
}
