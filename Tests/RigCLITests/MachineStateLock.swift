import Foundation

/// Tests that change state shared by the whole machine (dpkg, apt sources, network namespaces)
/// hold this lock, so two checkouts running their tests at once take turns instead of failing.
/// The kernel drops an flock when its holder dies, so a killed run never leaves it held.
enum MachineStateLock {
    static let path = "/tmp/rigctl-tests-machine-state.lock"

    static func holding<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
