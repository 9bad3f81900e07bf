import Foundation

/// A recorded host (`rigctl … --replay DIR`): files, listings and command results come from
/// the recording. Anything not recorded is absent, exactly as on a host without it; writes are refused.
public struct ReplaySystem: System {
    public let directory: String
    private let filesystem: RecordedHost.Filesystem
    private let commands: [[String]: RecordedHost.Command]
    /// Reads the recording itself.
    private let storage: any System

    /// Loads `directory`; fails with a clear message when an index file is malformed.
    public init(directory: String, storage: any System = LiveSystem()) throws(RecordedHost.LoadError) {
        guard storage.fileExists(directory) else { throw .notADirectory(directory) }
        self.directory = directory
        self.storage = storage
        filesystem = try Self.load(RecordedHost.Filesystem.self, directory + "/" + RecordedHost.filesystemFile, storage) ?? .init()
        let index = try Self.load(RecordedHost.CommandIndex.self, directory + "/" + RecordedHost.commandIndexFile, storage) ?? .init()
        commands = Dictionary(index.commands.map { ($0.argv, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func readFile(_ path: String) throws(SystemError) -> Data {
        if let reason = filesystem.errors[path] { throw SystemError(recordedReason: reason, path: path) }
        do {
            return try storage.readFile(RecordedHost.storagePath(directory, for: path))
        } catch .notADirectory {
            throw .notADirectory(path)
        } catch {
            throw .notFound(path)
        }
    }

    public func listDirectory(_ path: String) throws(SystemError) -> [String] {
        if let reason = filesystem.errors[path] { throw SystemError(recordedReason: reason, path: path) }
        if let names = filesystem.directories[path] { return names }
        do {
            return try storage.listDirectory(RecordedHost.storagePath(directory, for: path))
        } catch {
            throw .notFound(path)
        }
    }

    public func fileExists(_ path: String) -> Bool {
        filesystem.directories[path] != nil || filesystem.present.contains(path)
            || storage.fileExists(RecordedHost.storagePath(directory, for: path))
    }

    public func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        guard let entry = commands[argv] else { return CommandResult(outcome: .notFound) }
        return CommandResult(outcome: entry.outcome, stdout: output(entry.stdout), stderr: output(entry.stderr))
    }

    public func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
    public func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
    public func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
    public func environment(_ name: String) -> String? { nil }

    private func output(_ name: String?) -> Data {
        guard let name else { return Data() }
        return (try? storage.readFile(directory + "/commands/" + name)) ?? Data()
    }

    private static func load<T: Decodable>(_ type: T.Type, _ file: String, _ storage: any System) throws(RecordedHost.LoadError) -> T? {
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
            throw .malformed(file: file, reason: context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(file: file, reason: "\(path(context)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file: file, reason: "\(path(context))\(context.codingPath.isEmpty ? "" : ".")\(key.stringValue): missing")
        } catch {
            throw .malformed(file: file, reason: "\(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}
