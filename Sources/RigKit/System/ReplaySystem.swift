import FoundationEssentials
import RigText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A recorded host (`rigctl … --replay DIR`): files, listings and command results come from
/// the recording. Anything not recorded is absent, exactly as on a host without it; writes are refused.
package struct ReplaySystem: System {
    package let directory: String
    private let filesystem: RecordedHost.Filesystem
    private let commands: [[String]: RecordedHost.Command]
    /// Reads the recording itself.
    private let storage: any System

    /// Loads `directory`; fails with a clear message when an index file is malformed.
    /// The recording's own folder with every link resolved: nothing outside it is ever read.
    private let root: String

    package init(directory: String, storage: any System = LiveSystem()) throws(RecordedHost.LoadError) {
        guard storage.fileExists(directory) else { throw .notADirectory(directory) }
        self.directory = directory
        self.storage = storage
        root = Self.resolved(directory) ?? directory
        let filesystemFile = directory + "/" + RecordedHost.filesystemFile, indexFile = directory + "/" + RecordedHost.commandIndexFile
        filesystem = try Self.load(RecordedHost.Filesystem.self, filesystemFile, storage, root: root) ?? .init()
        let index = try Self.load(RecordedHost.CommandIndex.self, indexFile, storage, root: root) ?? .init()
        if let problem = Self.problem(filesystem) { throw .malformed(file: filesystemFile, reason: problem) }
        if let problem = index.commands.lazy.compactMap({ $0.problem() }).first { throw .malformed(file: indexFile, reason: problem) }
        commands = Dictionary(index.commands.map { ($0.argv, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func readFile(_ path: String) throws(SystemError) -> Data {
        if let reason = filesystem.errors[path] { throw SystemError(recordedReason: reason, path: path) }
        let stored = try confined(path)
        do {
            return try storage.readFile(stored)
        } catch .notADirectory {
            throw .notADirectory(path)
        } catch .notFound {
            throw .notFound(path)
        } catch {
            throw .other(path: path, reason: "recorded copy unreadable: \(error.reason)")
        }
    }

    package func listDirectory(_ path: String) throws(SystemError) -> [String] {
        if let reason = filesystem.errors[path] { throw SystemError(recordedReason: reason, path: path) }
        if let names = filesystem.directories[path] { return names }
        let stored = try confined(path)
        do {
            return try storage.listDirectory(stored)
        } catch {
            throw .notFound(path)
        }
    }

    package func fileExists(_ path: String) -> Bool {
        if filesystem.directories[path] != nil || filesystem.present.contains(path) { return true }
        // A recorded listing of its directory names it: the host had it, though its content was not recorded.
        let parent = PathText.deletingLastComponent(path)
        if !parent.isEmpty, filesystem.directories[parent]?.contains(PathText.lastComponent(path)) == true { return true }
        guard let stored = try? confined(path) else { return false }
        return storage.fileExists(stored)
    }

    /// Where `path` is stored in the recording, refused when it names `.`/`..` or when the stored
    /// file is a link that leads out of the recording.
    private func confined(_ path: String) throws(SystemError) -> String {
        guard RecordedHost.isConfinedPath(path) else {
            throw .other(path: UntrustedText.escaped(path), reason: "refused: not a plain absolute path (a recording cannot walk out of its folder)")
        }
        let stored = RecordedHost.storagePath(directory, for: path)
        if let real = Self.resolved(stored), !Self.isInside(real, root) {
            throw .other(path: UntrustedText.escaped(path), reason: "refused: the recording links it outside its folder")
        }
        return stored
    }

    package func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        guard let entry = commands[argv] else { return CommandResult(outcome: .notFound) }
        return CommandResult(outcome: entry.outcome, stdout: output(entry.stdout), stderr: output(entry.stderr))
    }

    package func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
    package func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
    package func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
    package func environment(_ name: String) -> String? { nil }

    private func output(_ name: String?) -> Data {
        guard let name, RecordedHost.isPlainName(name) else { return Data() }
        let file = directory + "/commands/" + name
        if let real = Self.resolved(file), !Self.isInside(real, root) { return Data() }
        return (try? storage.readFile(file)) ?? Data()
    }

    /// Names in listings must be plain names; every path must be confined.
    private static func problem(_ filesystem: RecordedHost.Filesystem) -> String? {
        let paths = Array(filesystem.directories.keys) + filesystem.present + Array(filesystem.errors.keys)
        if let bad = paths.first(where: { !RecordedHost.isConfinedPath($0) }) {
            return "path '\(UntrustedText.escaped(bad, limit: 80))' is not a plain absolute path (no '.' or '..')"
        }
        for (directory, names) in filesystem.directories {
            if let bad = names.first(where: { !RecordedHost.isPlainName($0) }) {
                return "directories[\(UntrustedText.escaped(directory, limit: 80))] lists '\(UntrustedText.escaped(bad, limit: 80))', not a plain name"
            }
        }
        return nil
    }

    /// `path` with every link resolved, nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func load<T: Decodable>(_ type: T.Type, _ file: String, _ storage: any System, root: String) throws(RecordedHost.LoadError) -> T? {
        if let real = resolved(file), !isInside(real, root) {
            throw .unreadable(file: file, reason: "refused: a link out of the recording")
        }
        let data: Data
        do {
            data = try storage.readFile(file)
        } catch .notFound {
            return nil
        } catch {
            throw .unreadable(file: file, reason: error.reason)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed(file: file, reason: context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(file: file, reason: "\(path(context)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file: file, reason: "\(path(context))\(context.codingPath.isEmpty ? "" : ".")\(key.stringValue): missing")
        } catch {
            throw .malformed(file: file, reason: UntrustedText.escaped("\(error)"))
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}
