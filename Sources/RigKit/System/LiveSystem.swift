import FoundationEssentials
import Dispatch
import RigText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real machine.
package struct LiveSystem: System {
    /// How long `readFile` waits on a pipe or device for data (a FIFO where `/proc` has a file
    /// would otherwise block for ever), in seconds.
    package var readDeadline: Double

    package init(readDeadline: Double = 5) {
        self.readDeadline = readDeadline
    }

    /// The most bytes `readFile` returns; a larger file is refused (no spec, tool file or
    /// recording is near it, and `/dev/zero` never ends).
    package static let readLimit = 64 * 1_048_576
    package func readFile(_ path: String) throws(SystemError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw SystemError(errno: errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemError(errno: errno, path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .other(path: path, reason: "is a directory") }
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        // A regular file never blocks; anything else (FIFO, socket, device) is read against the deadline.
        if regular { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        let deadline = Monotonic.now + readDeadline
        var data = Data()
        if regular && info.st_size > 0 && info.st_size < Self.readLimit {
            // A regular file's size is known: read straight into memory of that size and a byte more (to see
            // the end), which the data then owns: no zeroed buffer, no copy. (`audit` reads every playbook.)
            let capacity = Int(info.st_size) + 1
            let memory = malloc(capacity)!
            var count = 0
            while count < capacity {
                let n = read(fd, memory + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    let error = SystemError(errno: errno, path: path)
                    free(memory)
                    throw error
                }
                if n == 0 { break }
                count += n
            }
            data = Data(bytesNoCopy: memory, count: count, deallocator: .free)
            // It grew while being read: the rest as for any other file.
            if count < capacity { return data }
        }
        // Other files (/proc's say 0 bytes) a chunk at a time; the chunk is the size and a byte more
        // where that is known, at most 64 KiB.
        let chunk = regular && info.st_size > 0 ? Int(min(info.st_size, 65535)) + 1 : 65536
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    let remaining = deadline - Monotonic.now
                    if remaining <= 0 { throw .other(path: path, reason: "no data within \(String(cFormat: "%g", readDeadline)) s (not a regular file)") }
                    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&entry, 1, Int32(remaining * 1000) + 1)
                    continue
                }
                throw SystemError(errno: errno, path: path)
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.count > Self.readLimit { throw .other(path: path, reason: "over \(Self.readLimit / 1_048_576) MiB (refused)") }
            if !regular && Monotonic.now > deadline {
                throw .other(path: path, reason: "still sending after \(String(cFormat: "%g", readDeadline)) s (not a regular file)")
            }
        }
        return data
    }

    package func listDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw SystemError(errno: errno, path: path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    package func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    package func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: ProcessRunner.run(argv, input: input, timeout: timeout))
            }
        }
    }

    package func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) {
        let directory = PathText.deletingLastComponent(path)
        if !directory.isEmpty { try createDirectory(directory) }
        Self.removeStaleTemporaries(of: path)
        let temporary = "\(directory.isEmpty ? "." : directory)/.\(PathText.lastComponent(path)).rigctl-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw SystemError(errno: errno, path: path) }
        var failure: SystemError?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError(errno: errno, path: path)
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = SystemError(errno: errno, path: path) }
        if failure == nil, fchmod(fd, mode_t(mode)) != 0 { failure = SystemError(errno: errno, path: path) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = SystemError(errno: errno, path: path) }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// Deletes temporaries an interrupted write of `path` left (`.NAME.rigctl-PID-RANDOM` whose
    /// PID is no longer running), so they cannot pile up beside the file.
    static func removeStaleTemporaries(of path: String) {
        let directory = PathText.deletingLastComponent(path)
        let prefix = ".\(PathText.lastComponent(path)).rigctl-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).split(separator: "-")
            guard rest.count == 2, let pid = pid_t(rest[0]), UInt32(rest[1]) != nil, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((directory.isEmpty ? "." : directory) + "/" + name) }
        }
    }

    package func createDirectory(_ path: String) throws(SystemError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            var isDirectory = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory {
                throw .notADirectory(path)
            }
            throw .other(path: path, reason: "cannot create directory")
        }
    }

    package func removeFile(_ path: String) throws(SystemError) {
        if unlink(path) != 0 && errno != ENOENT { throw SystemError(errno: errno, path: path) }
    }

    package func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }
}

extension SystemError {
    init(errno code: Int32, path: String) {
        switch code {
        case ENOENT: self = .notFound(path)
        case EACCES, EPERM: self = .permissionDenied(path)
        case ENOTDIR: self = .notADirectory(path)
        case EISDIR: self = .isADirectory(path)
        case EROFS: self = .readOnly(path)
        default: self = .other(path: path, reason: String(cString: strerror(code)))
        }
    }
}
