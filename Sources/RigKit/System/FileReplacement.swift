import FoundationEssentials
import RigText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of a set that `System.replaceFiles` writes all together.
package struct FileReplacement: Sendable, Equatable {
    /// The file as the user names it; a symbolic link (even a dangling one) is followed and its target written.
    package var path: String
    /// What the file held when it was read (nil: it was not there). Replacing fails when it holds something else by then.
    package var expected: Data?
    package var contents: Data
    /// The mode of a new file; a file that exists keeps its own mode and owner.
    package var mode: Int
    /// Where to keep the previous contents (byte for byte, mode 0600), when the file exists; `-2`, `-3`… is added when taken.
    package var backup: String?
    /// The file is removed instead of written (`contents` unused): its target when `path` is a link, so the
    /// link stays, dangling, as an install over a dangling link found it.
    package var removes: Bool

    package init(path: String, expected: Data?, contents: Data, mode: Int = 0o644, backup: String? = nil) {
        self.path = path
        self.expected = expected
        self.contents = contents
        self.mode = mode
        self.backup = backup
        self.removes = false
    }

    /// Removes the file at `path` (which must still hold `expected`), together with the other replacements.
    package static func removal(path: String, expected: Data) -> FileReplacement {
        var replacement = FileReplacement(path: path, expected: expected, contents: Data())
        replacement.removes = true
        return replacement
    }
}

/// Where a replacement went.
package struct ReplacedFile: Sendable, Equatable {
    /// As named in the `FileReplacement`.
    package var path: String
    /// The file actually written: `path` with its symbolic links followed.
    package var target: String
    /// Where the previous contents were kept, when they were.
    package var backup: String?
}

extension LiveSystem {
    /// Writes every replacement or none: each new file (and each backup) is first prepared as an unnamed
    /// file in its directory (Linux `O_TMPFILE`: a crash leaves nothing behind), and only when all are
    /// ready are they put in place, each by one `rename`, so a file is at any moment either its old or its
    /// new self. Refuses read-only files, files that are not regular files, and (unless root) files owned
    /// by someone else, since a rename would change their owner. A removal (`FileReplacement.removal`) unlinks
    /// the file in the same last step, once everything else is ready.
    package func replaceFiles(_ replacements: [FileReplacement]) throws(SystemError) -> [ReplacedFile] {
        var staged: [StagedReplacement] = []
        var createdDirectories: [String] = []
        do throws(SystemError) {
            for replacement in replacements {
                staged.append(try stage(replacement, createdDirectories: &createdDirectories))
            }
        } catch {
            for item in staged { item.discard() }
            for directory in createdDirectories.reversed() { rmdir(directory) }
            throw error
        }
        var results: [ReplacedFile] = []
        var failure: SystemError?
        for item in staged {
            if failure == nil {
                do throws(SystemError) {
                    results.append(try item.commit())
                } catch {
                    failure = error
                }
            }
            item.discard()
        }
        for directory in Set(staged.map(\.directory)) { Self.syncDirectory(directory) }
        if let failure { throw failure }
        return results
    }

    private func stage(_ replacement: FileReplacement, createdDirectories: inout [String]) throws(SystemError) -> StagedReplacement {
        let (target, status) = try Self.followLinks(replacement.path)
        let directory = Self.directory(of: target)
        var keptMode = replacement.mode & 0o777
        var owner: (uid: uid_t, gid: gid_t)?
        if let status {
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw .other(path: target, reason: "not a regular file; rigctl only writes regular files")
            }
            guard status.st_mode & 0o200 != 0 else {
                throw .other(path: target, reason: "read-only (mode \(String(cFormat: "%04o", Int(status.st_mode & 0o7777)))); "
                    + "rigctl leaves it alone: make it writable (chmod u+w) to install")
            }
            if geteuid() == 0 {
                owner = (status.st_uid, status.st_gid)
            } else if status.st_uid != geteuid() {
                throw .other(path: target, reason: "owned by uid \(status.st_uid), not by uid \(geteuid()) that rigctl runs as; "
                    + "replacing it would change its owner")
            }
            keptMode = Int(status.st_mode & 0o777)
        }
        let current: Data?
        do {
            current = try readFile(target)
        } catch .notFound {
            current = nil
        }
        guard current == replacement.expected else {
            throw .other(path: replacement.path, reason: "changed while rigctl was installing it; run the install again")
        }
        if replacement.removes {
            guard current != nil else { throw .notFound(replacement.path) }
            // Checked now, as whoever rigctl acts for (effective ids), so a removal cannot fail after other files changed.
            guard faccessat(AT_FDCWD, directory, W_OK, AT_EACCESS) == 0 else { throw SystemError(errno: errno, path: target) }
            return StagedReplacement(path: replacement.path, target: target, directory: directory, file: nil, backup: nil)
        }
        try makeDirectories(directory, created: &createdDirectories)
        Self.removeStaleStagedTemporaries(of: target)
        let file = try StagedFile(in: directory, name: Self.name(of: target), contents: replacement.contents,
                                  mode: keptMode, owner: owner)
        var backup: (path: String, file: StagedFile)?
        if let backupPath = replacement.backup, let current {
            do throws(SystemError) {
                try makeDirectories(Self.directory(of: backupPath), created: &createdDirectories)
                backup = (backupPath, try StagedFile(in: Self.directory(of: backupPath), name: Self.name(of: backupPath),
                                                     contents: current, mode: 0o600, owner: owner))
            } catch {
                file.discard()
                throw error
            }
        }
        return StagedReplacement(path: replacement.path, target: target, directory: directory, file: file, backup: backup)
    }

    /// Creates `directory` and its missing parents one by one, noting each it made.
    private func makeDirectories(_ directory: String, created: inout [String]) throws(SystemError) {
        var missing: [String] = []
        var current = directory
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            guard errno == ENOENT else { throw SystemError(errno: errno, path: current) }
            missing.append(current)
            current = Self.directory(of: current)
        }
        if !current.isEmpty, current != "/", info.st_mode & S_IFMT != S_IFDIR { throw .notADirectory(current) }
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw SystemError(errno: errno, path: path) }
            created.append(path)
        }
    }

    /// `path` with symbolic links in its last component followed (the kernel follows those in directories);
    /// the file's status, or nil when nothing is there yet (a dangling link names the file to create).
    static func followLinks(_ path: String) throws(SystemError) -> (String, stat?) {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return (current, nil) }
                throw SystemError(errno: errno, path: current)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return (current, info) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw SystemError(errno: errno, path: current) }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // Not normalised: "dir/../x" must go through dir as the kernel would, dir being a link itself maybe.
            current = destination.hasPrefix("/") ? destination : directory(of: current) + "/" + destination
        }
        throw .other(path: path, reason: "too many levels of symbolic links")
    }

    /// Temporary files an earlier, killed install left beside `target` (only those of the named fallback can be left).
    static func removeStaleStagedTemporaries(of target: String) {
        let prefix = "." + name(of: target) + StagedFile.temporaryMarker
        let directory = self.directory(of: target)
        guard let names = try? LiveSystem().listDirectory(directory) else { return }
        for entry in names where entry.hasPrefix(prefix) {
            var info = stat()
            let path = directory + "/" + entry
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() { unlink(path) }
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

/// A file and its backup, written out and waiting to be put in place.
private struct StagedReplacement {
    var path: String
    var target: String
    var directory: String
    /// The new contents; nil: the file is removed.
    var file: StagedFile?
    var backup: (path: String, file: StagedFile)?

    func commit() throws(SystemError) -> ReplacedFile {
        var backupPath: String?
        if let backup { backupPath = try backup.file.link(asNew: backup.path) }
        if let file {
            try file.rename(over: target)
        } else if unlink(target) != 0, errno != ENOENT {
            throw SystemError(errno: errno, path: target)
        }
        return ReplacedFile(path: path, target: target, backup: backupPath)
    }

    func discard() {
        file?.discard()
        backup?.file.discard()
    }
}

/// File contents written to disk but not yet under their name: an unnamed `O_TMPFILE` inode where the
/// file system has them, else a hidden `.<name>.rigctl-tmp-…` file beside the target.
private struct StagedFile {
    static let temporaryMarker = ".rigctl-tmp-"

    let fd: Int32
    let directory: String
    let name: String
    /// The hidden name of the fallback; nil for an unnamed file.
    let temporaryPath: String?

    init(in directory: String, name: String, contents: Data, mode: Int, owner: (uid: uid_t, gid: gid_t)?) throws(SystemError) {
        self.directory = directory
        self.name = name
        var fd: Int32 = -1
        var temporaryPath: String?
        #if os(Linux)
        // O_TMPFILE (Linux 3.11+, open(2)): __O_TMPFILE | O_DIRECTORY; 0o20000000 on x86-64 and arm64.
        fd = open(directory, 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, mode_t(0o600))
        if fd < 0, ![EOPNOTSUPP, EISDIR, EINVAL].contains(errno) { throw SystemError(errno: errno, path: directory + "/" + name) }
        #endif
        if fd < 0 {
            let path = "\(directory)/.\(name)\(Self.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
            guard fd >= 0 else { throw SystemError(errno: errno, path: directory + "/" + name) }
            temporaryPath = path
        }
        self.fd = fd
        self.temporaryPath = temporaryPath
        var failure: SystemError?
        contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError(errno: errno, path: directory + "/" + name)
                    return
                }
                offset += n
            }
        }
        if failure == nil, let owner, fchown(fd, owner.uid, owner.gid) != 0 { failure = SystemError(errno: errno, path: directory + "/" + name) }
        if failure == nil, fchmod(fd, mode_t(mode)) != 0 { failure = SystemError(errno: errno, path: directory + "/" + name) }
        if failure == nil, fsync(fd) != 0 { failure = SystemError(errno: errno, path: directory + "/" + name) }
        if let failure {
            discard()
            throw failure
        }
    }

    /// Gives the file a name that nothing has yet: `path`, else `path-2`, `path-3`…; returns the name.
    func link(asNew path: String) throws(SystemError) -> String {
        for counter in 1...1000 {
            let candidate = counter == 1 ? path : "\(path)-\(counter)"
            if linkTo(candidate) == 0 { return candidate }
            guard errno == EEXIST else { throw SystemError(errno: errno, path: candidate) }
        }
        throw .other(path: path, reason: "no free backup name")
    }

    /// Puts the file in place of `target` in one rename.
    func rename(over target: String) throws(SystemError) {
        var source = temporaryPath
        if source == nil {
            let hidden = "\(directory)/.\(name)\(Self.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            guard linkTo(hidden) == 0 else { throw SystemError(errno: errno, path: target) }
            source = hidden
        }
        guard let source else { return }
        if posixRename(source, target) != 0 {
            let failure = SystemError(errno: errno, path: target)
            unlink(source)
            throw failure
        }
    }

    private func linkTo(_ path: String) -> Int32 {
        if let temporaryPath { return posixLink(temporaryPath, path) }
        // An unnamed file is linked through /proc (linkat(2): AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH).
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW)
    }

    /// Closes the file; a named temporary is removed (an unnamed one goes by itself). Safe to call twice.
    func discard() {
        close(fd)
        if let temporaryPath { unlink(temporaryPath) }
    }
}

// The C functions, which StagedFile's own `rename` and `link` hide.
private func posixRename(_ source: String, _ target: String) -> Int32 { rename(source, target) }
private func posixLink(_ source: String, _ target: String) -> Int32 { link(source, target) }
