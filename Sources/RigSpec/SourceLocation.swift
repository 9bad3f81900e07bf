/// A place in a spec file, 1-based like compilers print it.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Key path (`parts.gpus[0].model`) → where it was written.
package struct SourceMap: Sendable, Equatable {
    private var entries: [String: SourceLocation] = [:]

    package init() {}

    package subscript(path: String) -> SourceLocation? {
        get { entries[path] }
        set { entries[path] = newValue }
    }

    /// The location of `path`, or of its nearest written parent (`drivers.nvidia` for `drivers.nvidia.flavor`).
    package func nearest(_ path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let found = entries[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return entries[""] }
            path = path[..<cut]
        }
    }
}
