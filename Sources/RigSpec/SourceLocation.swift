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
/// (only findings and diagnostics ask), so an entry holds only its last part (a key or a list index)
/// and the position of the entry above it: no path text is built until one is asked for. Entries
/// are appended, not hashed: a lookup scans them from the end (a path written again wins),
/// comparing lengths first. A map too long for that (16,000 apt packages) builds a dictionary on
/// its first lookup.
package struct SourceMap: Sendable, Equatable {
    private var entries: [Entry] = []
    /// The dictionary of a long map, shared by copies until one of them writes.
    private var index: Index?

    /// Entries up to which a lookup scans instead of hashing.
    static let scanLimit = 512

    /// The position of the whole spec's place, under which top-level keys are written.
    package static let top = -1

    fileprivate struct Entry: Sendable {
        /// The entry this one lies under, or `SourceMap.top`.
        var parent: Int
        var part: Part
        /// UTF-8 bytes of the whole path.
        var length: Int
        /// nil: only a place under which others are written (`parts.psu[0]` of a single PSU), or removed.
        var location: SourceLocation?
    }

    fileprivate enum Part: Sendable {
        /// `name` after the parent's path, with a `.` between them when `dotted`.
        case key(String, dotted: Bool)
        /// `[index]` after the parent's path.
        case item(Int)
        /// A whole path, written through the subscript.
        case path(String)
    }

    package init() {}

    /// Writes `parent.name` (just `name` under the top when `dotted` is false, as object keys are
    /// written) and returns its position, for the places under it.
    package mutating func key(_ name: String, dotted: Bool, under parent: Int, at location: SourceLocation?) -> Int {
        let separator = dotted ? 1 : 0
        return append(Entry(parent: parent, part: .key(name, dotted: dotted), length: length(of: parent) + separator + name.utf8.count, location: location))
    }

    /// Writes `parent[index]` and returns its position.
    package mutating func item(_ index: Int, under parent: Int, at location: SourceLocation?) -> Int {
        append(Entry(parent: parent, part: .item(index), length: length(of: parent) + 2 + SourceMap.digits(index), location: location))
    }

    /// Whether the path of the entry at `position` is `""` (the top's is).
    package func isEmptyPath(at position: Int) -> Bool { length(of: position) == 0 }

    /// The path of the entry at `position` (`""` for the top).
    package func path(at position: Int) -> String {
        guard position >= 0 else { return "" }
        let entry = entries[position]
        switch entry.part {
        case .path(let path): return path
        case .key(let name, let dotted):
            let parent = path(at: entry.parent)
            return dotted ? parent + "." + name : parent + name
        case .item(let index): return "\(path(at: entry.parent))[\(index)]"
        }
    }

    package subscript(path: String) -> SourceLocation? {
        get {
            if entries.count > SourceMap.scanLimit, let index { return index.lookup(path, in: self) }
            var path = path
            return path.withUTF8 { bytes in
                for position in entries.indices.reversed() {
                    let entry = entries[position]
                    if entry.length == bytes.count, let location = entry.location, matches(position, bytes) { return location }
                }
                return nil
            }
        }
        set {
            if let newValue {
                _ = append(Entry(parent: SourceMap.top, part: .path(path), length: path.utf8.count, location: newValue))
            } else {
                var path = path
                path.withUTF8 { bytes in
                    for position in entries.indices where entries[position].length == bytes.count && matches(position, bytes) {
                        entries[position].location = nil
                    }
                }
                if entries.count > SourceMap.scanLimit { index = Index() }
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

    private mutating func append(_ entry: Entry) -> Int {
        entries.append(entry)
        if entries.count > SourceMap.scanLimit {
            if index == nil || !isKnownUniquelyReferenced(&index!) { index = Index() }
        } else {
            index = nil
        }
        return entries.count - 1
    }

    private func length(of position: Int) -> Int { position >= 0 ? entries[position].length : 0 }

    private static func digits(_ number: Int) -> Int {
        // List indexes are never negative; `description` counts the sign of any other.
        guard number >= 0 else { return number.description.utf8.count }
        var count = 1, rest = number
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    /// Whether the path of the entry at `position` is `bytes` (whose length is the entry's), read from its end.
    private func matches(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = position, end = bytes.count
        while position >= 0 {
            let entry = entries[position]
            switch entry.part {
            case .path(let path):
                return path.utf8.count == end && path.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[..<end]))
            case .key(let name, let dotted):
                let count = name.utf8.count
                guard count <= end, name.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[(end - count)..<end])) else { return false }
                end -= count
                if dotted {
                    guard end > 0, bytes[end - 1] == UInt8(ascii: ".") else { return false }
                    end -= 1
                }
            case .item(let index):
                guard end > 0, bytes[end - 1] == UInt8(ascii: "]") else { return false }
                let digits = index.description.utf8
                let start = end - 1 - digits.count
                guard start > 0, bytes[start - 1] == UInt8(ascii: "["),
                      digits.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<(end - 1)])) else { return false }
                end = start - 1
            }
            position = entry.parent
        }
        return end == 0
    }

    /// Every written path with the location written last for it.
    private var dictionary: [String: SourceLocation] {
        var result: [String: SourceLocation] = Dictionary(minimumCapacity: entries.count)
        var paths: [String] = []
        paths.reserveCapacity(entries.count)
        for entry in entries {
            let path = SourceMap.path(of: entry, parentPath: entry.parent >= 0 ? paths[entry.parent] : "")
            paths.append(path)
            if let location = entry.location { result[path] = location }
        }
        return result
    }

    fileprivate static func path(of entry: Entry, parentPath: String) -> String {
        switch entry.part {
        case .path(let path): return path
        case .key(let name, let dotted): return dotted ? parentPath + "." + name : parentPath + name
        case .item(let index): return "\(parentPath)[\(index)]"
        }
    }

    package static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { lhs.dictionary == rhs.dictionary }

    /// Path → position of its last written entry, extended over entries appended since the last lookup.
    /// Only the one map that holds it uniquely appends to its entries, so the positions stay true.
    private final class Index: @unchecked Sendable {
        private let lock = Lock()
        private var positions: [String: Int] = [:]
        private var paths: [String] = []

        func lookup(_ path: String, in map: SourceMap) -> SourceLocation? {
            lock.withLock {
                while paths.count < map.entries.count {
                    let entry = map.entries[paths.count]
                    let text = SourceMap.path(of: entry, parentPath: entry.parent >= 0 ? paths[entry.parent] : "")
                    if entry.location != nil { positions[text] = paths.count }
                    paths.append(text)
                }
                return positions[path].flatMap { map.entries[$0].location }
            }
        }
    }
}
