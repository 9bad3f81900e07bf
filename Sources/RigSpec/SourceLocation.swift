import RigText

/// A place in a spec file, 1-based like compilers print it.
///
/// The file is kept as a number in `InternedNames.files`, not as its `String`: every node, diagnostic, finding
/// and source-map entry holds a location, and a `String` in each made every copy of them retain and
/// release the name (23 % of `validate`'s samples were retain/release).
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var fileID: InternedNames.ID
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.init(fileID: InternedNames.files.id(of: file), line: line, column: column)
    }

    package init(fileID: InternedNames.ID, line: Int, column: Int) {
        self.fileID = fileID
        self.line = line
        self.column = column
    }

    package var file: String {
        get { InternedNames.files.name(of: fileID) }
        set { fileID = InternedNames.files.id(of: newValue) }
    }

    package var description: String { "\(file):\(line):\(column)" }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        return (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Names kept once for the life of the process, one number per distinct name (so equal names have
/// equal numbers), for values copied often that would otherwise retain a `String` with each copy.
/// A command names a few thousand files and a few YAML tags at most.
package final class InternedNames: @unchecked Sendable {
    package struct ID: Hashable, Sendable {
        fileprivate let index: UInt32
    }

    /// The files that locations point into.
    package static let files = InternedNames()
    /// The local YAML tags kept on nodes (`!unsafe`).
    package static let tags = InternedNames()

    private let lock = Lock()
    private var names: [String] = []
    private var ids: [String: ID] = [:]

    package func id(of name: String) -> ID {
        lock.withLock {
            if let known = ids[name] { return known }
            // 4 billion names would need far more memory than a machine has; past them the last is reused.
            if names.count < Int(UInt32.max) { names.append(name) }
            let id = ID(index: UInt32(names.count - 1))
            ids[name] = id
            return id
        }
    }

    package func name(of id: ID) -> String {
        lock.withLock { names[Int(id.index)] }
    }
}

/// Key path (`parts.gpus[0].model`) → where it was written.
///
/// The decoder writes one entry per key and list item of every spec, and most are never looked up
/// (only findings and diagnostics ask), so entries are appended, not hashed: a lookup scans them
/// from the end (a path written again wins), comparing lengths first. A map too long for that
/// (16,000 apt packages) builds a dictionary on its first lookup.
package struct SourceMap: Sendable, Equatable {
    private var entries: [(path: String, length: Int, location: SourceLocation)] = []
    /// The dictionary of a long map, shared by copies until one of them writes.
    private var index: Index?

    /// Entries up to which a lookup scans instead of hashing.
    static let scanLimit = 512

    package init() {}

    package subscript(path: String) -> SourceLocation? {
        get {
            if entries.count > SourceMap.scanLimit, let index { return index.lookup(path, in: entries) }
            let length = path.utf8.count
            for entry in entries.reversed() where entry.length == length && entry.path == path { return entry.location }
            return nil
        }
        set {
            if let newValue {
                entries.append((path, path.utf8.count, newValue))
            } else {
                entries.removeAll { $0.path == path }
            }
            if entries.count > SourceMap.scanLimit {
                if index == nil || !isKnownUniquelyReferenced(&index!) || newValue == nil { index = Index() }
            } else {
                index = nil
            }
        }
    }

    /// The location of `path`, or of its nearest written parent (`drivers.nvidia` for `drivers.nvidia.flavor`).
    package func nearest(_ path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let found = self[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return self[""] }
            path = path[..<cut]
        }
    }

    /// Every path with the location written last for it.
    private var dictionary: [String: SourceLocation] {
        var result: [String: SourceLocation] = Dictionary(minimumCapacity: entries.count)
        for entry in entries { result[entry.path] = entry.location }
        return result
    }

    package static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { lhs.dictionary == rhs.dictionary }

    /// Path → position of its last entry, extended over entries appended since the last lookup.
    /// Only the one map that holds it uniquely appends to its entries, so the positions stay true.
    private final class Index: @unchecked Sendable {
        private let lock = Lock()
        private var positions: [String: Int] = [:]
        private var covered = 0

        func lookup(_ path: String, in entries: [(path: String, length: Int, location: SourceLocation)]) -> SourceLocation? {
            lock.withLock {
                while covered < entries.count {
                    positions[entries[covered].path] = covered
                    covered += 1
                }
                return positions[path].map { entries[$0].location }
            }
        }
    }
}
