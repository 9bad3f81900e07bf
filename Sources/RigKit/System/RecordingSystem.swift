import FoundationEssentials
import RigText

/// Wraps another system, forwards every call, and remembers what was read (files, listings,
/// existence checks, command results) so `save()` can write a recorded host (`--record DIR`).
/// Safe to use from concurrent probers.
package final class RecordingSystem: System, @unchecked Sendable {
    private let base: any System
    private let lock = Lock()
    private var files: [String: Data] = [:]
    private var filesystem = RecordedHost.Filesystem()
    private var commands: [[String]: CommandResult] = [:]

    package init(recording base: any System) {
        self.base = base
    }

    package func readFile(_ path: String) throws(SystemError) -> Data {
        do {
            let data = try base.readFile(path)
            locked { files[path] = data }
            return data
        } catch {
            remember(error, at: path)
            throw error
        }
    }

    package func listDirectory(_ path: String) throws(SystemError) -> [String] {
        do {
            let names = try base.listDirectory(path)
            locked { filesystem.directories[path] = names }
            return names
        } catch {
            remember(error, at: path)
            throw error
        }
    }

    package func fileExists(_ path: String) -> Bool {
        let exists = base.fileExists(path)
        if exists { locked { if !filesystem.present.contains(path) { filesystem.present.append(path) } } }
        return exists
    }

    package func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        let result = await base.run(argv, input: input, timeout: timeout)
        locked { commands[argv] = result }
        return result
    }

    package func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { try base.writeFile(path, data, mode: mode) }
    package func createDirectory(_ path: String) throws(SystemError) { try base.createDirectory(path) }
    package func replaceFiles(_ replacements: [FileReplacement]) throws(SystemError) -> [ReplacedFile] {
        try base.replaceFiles(replacements)
    }
    package func removeFile(_ path: String) throws(SystemError) { try base.removeFile(path) }
    package func environment(_ name: String) -> String? { base.environment(name) }
    package func realPath(_ path: String) -> String? { base.realPath(path) }

    /// Writes everything seen so far as a recorded host into `directory`, through `writer`.
    package func save(to directory: String, using writer: any System) throws(SystemError) {
        let (files, filesystem, commands) = locked { (self.files, self.filesystem, self.commands) }
        try writer.createDirectory(directory + "/commands")
        for (path, data) in files {
            try writer.writeFile(RecordedHost.storagePath(directory, for: path), data, mode: 0o644)
        }
        var index = RecordedHost.CommandIndex()
        for (argv, result) in commands.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var entry = RecordedHost.Command(argv: argv, outcome: result.outcome)
            let name = RecordedHost.outputName(for: argv)
            if !result.stdout.isEmpty {
                entry.stdout = name + ".out"
                try writer.writeFile(directory + "/commands/" + name + ".out", result.stdout, mode: 0o644)
            }
            if !result.stderr.isEmpty {
                entry.stderr = name + ".err"
                try writer.writeFile(directory + "/commands/" + name + ".err", result.stderr, mode: 0o644)
            }
            index.commands.append(entry)
        }
        var sortedFilesystem = filesystem
        sortedFilesystem.present = Set(filesystem.present).subtracting(files.keys).subtracting(filesystem.directories.keys).sorted()
        try writeJSON(sortedFilesystem, to: directory + "/" + RecordedHost.filesystemFile, writer)
        try writeJSON(index, to: directory + "/" + RecordedHost.commandIndexFile, writer)
    }

    private func writeJSON<T: Encodable>(_ value: T, to path: String, _ writer: any System) throws(SystemError) {
        guard var bytes = try? JSONTextEncoder.encode(value) else { throw .other(path: path, reason: "cannot encode") }
        bytes.append(0x0A)
        try writer.writeFile(path, Data(bytes), mode: 0o644)
    }

    private func remember(_ error: SystemError, at path: String) {
        if case .notFound = error { return }
        locked { filesystem.errors[path] = error.reason }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
