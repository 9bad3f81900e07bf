import RigSpec
import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two `rigctl apply` runs off one machine at once: an exclusive `flock` on an empty file.
/// The kernel drops the lock when the process ends, so a crash never leaves a stale one, and the
/// kernel says who holds it (`/proc/locks`): the file's contents are never read or written.
///
/// The file lives in a directory only its owner can write (`/run/rigctl`, mode 0700, made by
/// root), so no other user can plant a link there or hold the lock to block every apply. It is
/// opened with `O_NOFOLLOW` and must be a regular file owned by this user; nothing is truncated.
package final class ApplyLock: @unchecked Sendable {
    /// `/run` is a root-only tmpfs on every systemd distribution; `/var/run` is the same place on older ones.
    package static let defaultPath = "/run/rigctl/apply.lock"

    package enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another process holds it; its pid and name as the kernel reports them, when it does.
        case held(path: String, pid: Int32?, command: String?)
        case cannotOpen(path: String, reason: String)

        package var description: String {
            switch self {
            case let .held(path, pid, command):
                let holder = pid.map { " (pid \($0)" + (command.map { ", \(UntrustedText.escaped($0, limit: 64))" } ?? "") + ")" } ?? ""
                return "another rigctl apply is running\(holder); it holds \(UntrustedText.escaped(path))"
            case let .cannotOpen(path, reason):
                return "cannot take the lock \(UntrustedText.escaped(path)): \(reason)"
            }
        }
    }

    package let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The default lock of a user who is not root: in `$XDG_RUNTIME_DIR` (`/run/user/UID`, theirs
    /// alone, made by systemd-logind) when set, else `/tmp/rigctl-UID` (mode 0700; refused below
    /// when another user made it first).
    package static func userPath(runtimeDirectory: String? = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"],
                                 uid: uid_t = geteuid()) -> String {
        if let runtimeDirectory, runtimeDirectory.hasPrefix("/"), !runtimeDirectory.contains("..") {
            return (runtimeDirectory.hasSuffix("/") ? runtimeDirectory : runtimeDirectory + "/") + "rigctl-apply.lock"
        }
        return "/tmp/rigctl-\(uid)/apply.lock"
    }

    /// Takes the lock without waiting. The default path's directory is created (mode 0700) when missing.
    package static func acquire(at requested: String = defaultPath) -> Result<ApplyLock, Failure> {
        // Only root can make /run/rigctl: another user's apply (over SSH, say, installing only into
        // their home) locks in a directory of their own instead.
        let path = requested == defaultPath && geteuid() != 0 ? userPath() : requested
        let parent = PathText.deletingLastComponent(path)
        let directory = parent.isEmpty ? "." : parent
        if requested == defaultPath { _ = mkdir(directory, 0o700) }   // root's /run/rigctl or the user's own
        if let problem = unsafeDirectory(directory) { return .failure(.cannotOpen(path: path, reason: problem)) }
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link (refused)" : String(cString: strerror(errno))
            return .failure(.cannotOpen(path: path, reason: reason))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else {
            close(descriptor)
            return .failure(.cannotOpen(path: path, reason: "not a regular file owned by this user (refused)"))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK else { return .failure(.cannotOpen(path: path, reason: String(cString: strerror(reason)))) }
            let holder = LockHolder.find(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            return .failure(.held(path: path, pid: holder, command: holder.flatMap(LockHolder.command)))
        }
        return .success(ApplyLock(path: path, descriptor: descriptor))
    }

    /// Why `directory` could let another user plant or hold the lock file; nil when only its owner
    /// (this user or root) can write it.
    static func unsafeDirectory(_ directory: String) -> String? {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return "\(UntrustedText.escaped(directory)): \(String(cString: strerror(errno)))" }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return "\(UntrustedText.escaped(directory)) is not a directory (a link is refused)" }
        guard info.st_uid == geteuid() || info.st_uid == 0 else { return "\(UntrustedText.escaped(directory)) belongs to another user" }
        guard info.st_mode & 0o022 == 0 else {
            return "\(UntrustedText.escaped(directory)) is writable by other users; use a directory only its owner can write"
        }
        return nil
    }

    deinit {
        close(descriptor)
    }
}

/// Who holds a lock, from the kernel's table (`/proc/locks`), never from the locked file.
enum LockHolder {
    /// The pid on the `FLOCK … WRITE` line for this device and inode (`1: FLOCK ADVISORY WRITE 1234 fe:00:5433155 0 EOF`).
    static func find(device: UInt64, inode: UInt64, table: String? = nil) -> Int32? {
        let text = table ?? (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
        let major = (device >> 8) & 0xfff | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        let wanted = String(cFormat: "%02llx:%02llx:%llu", major, minor, inode)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // A line waiting for the lock starts "1: ->"; only the holder counts.
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == wanted else { continue }
            if let pid = Int32(fields[4]), pid > 0 { return pid }
        }
        return nil
    }

    /// The holder's command name (`/proc/PID/comm`), for the message.
    static func command(_ pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmed(.newlines)
    }
}
