import RigSpec
import Foundation
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

/// Keeps two `rigctl apply` runs off one machine at once: an exclusive `flock` on a file that holds
/// the holder's pid. The kernel drops the lock when the process ends, so a crash never leaves a stale one.
public final class ApplyLock: @unchecked Sendable {
    /// `/run/lock` is a tmpfs every user may write on Debian and Ubuntu; `/tmp` where it is missing (containers).
    public static var defaultPath: String {
        FileManager.default.fileExists(atPath: "/run/lock") ? "/run/lock/rigctl-apply.lock" : "/tmp/rigctl-apply.lock"
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another process holds it; its pid when the file says.
        case held(path: String, pid: String?)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(path, pid):
                return "another rigctl apply is running" + (pid.map { " (pid \($0))" } ?? "") + "; it holds \(path)"
            case let .cannotOpen(path, reason):
                return "cannot take the lock \(path): \(reason)"
            }
        }
    }

    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock without waiting.
    public static func acquire(at path: String = defaultPath) -> Result<ApplyLock, Failure> {
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        // A lock file root left behind is read-only to others; flock works on a read-only descriptor too.
        if descriptor < 0 && errno == EACCES { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(.cannotOpen(path: path, reason: String(cString: strerror(errno)))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = readPid(descriptor)
            close(descriptor)
            return reason == EWOULDBLOCK ? .failure(.held(path: path, pid: holder))
                                         : .failure(.cannotOpen(path: path, reason: String(cString: strerror(reason))))
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return .success(ApplyLock(path: path, descriptor: descriptor))
    }

    private static func readPid(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    deinit {
        close(descriptor)
    }
}
