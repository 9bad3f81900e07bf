import FoundationEssentials
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigSpec
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another user's identity, taken on for a while by a root process (`sudo rigctl apply` writing the
/// invoking user's home): effective uid and gid and the group list set to theirs, so the kernel checks
/// every path against what that user may do, links included, and back to root afterwards.
/// Only the primary group is kept: the files are the user's own home.
struct UserIdentity: Equatable {
    var uid: uid_t
    var gid: gid_t

    /// From `uid:gid` (`DotfilesTarget.owner`).
    init?(_ owner: String) {
        let parts = owner.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let uid = UInt32(parts[0]), let gid = UInt32(parts[1]) else { return nil }
        self.uid = uid
        self.gid = gid
    }

    init(uid: uid_t, gid: gid_t) {
        self.uid = uid
        self.gid = gid
    }

    /// When rigctl is root: the owner of `home` if that is not root (nil when rigctl is not root, or the
    /// home is root's or not there yet).
    static func owner(ofHome home: String) -> UserIdentity? {
        var info = stat()
        guard geteuid() == 0, stat(home, &info) == 0, info.st_uid != 0 else { return nil }
        return UserIdentity(uid: info.st_uid, gid: info.st_gid)
    }

    struct Failure: Error {
        var message: String
    }

    /// `body` run with this identity. The process's effective ids change for every thread (glibc applies
    /// seteuid(2) to all of them), so nothing else may run meanwhile: apply runs one step at a time.
    func run<T>(_ body: () -> T) -> Result<T, Failure> {
        guard geteuid() == 0 else { return .failure(Failure(message: "taking on uid \(uid) needs root")) }
        let savedGid = getegid()
        let savedGroups = Self.groups()
        var group = gid
        guard setgroups(1, &group) == 0 else { return .failure(Failure(message: "setgroups: \(String(cString: strerror(errno)))")) }
        guard setegid(gid) == 0, seteuid(uid) == 0 else {
            let reason = String(cString: strerror(errno))
            Self.restore(gid: savedGid, groups: savedGroups)
            return .failure(Failure(message: "cannot take on uid \(uid) gid \(gid): \(reason)"))
        }
        let result = body()
        Self.restore(gid: savedGid, groups: savedGroups)
        return .success(result)
    }

    private static func restore(gid: gid_t, groups: [gid_t]) {
        // Back to root first: only root may set the group ids. Failing here would leave the process
        // half someone else, which nothing after could be trusted with.
        guard seteuid(0) == 0, setegid(gid) == 0, groups.withUnsafeBufferPointer({ setgroups($0.count, $0.baseAddress) }) == 0 else {
            fatalError("rigctl could not return to root after writing a user's home: \(String(cString: strerror(errno)))")
        }
    }

    private static func groups() -> [gid_t] {
        let count = getgroups(0, nil)
        guard count > 0 else { return [] }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let got = getgroups(count, &groups)
        return got < 0 ? [] : Array(groups.prefix(Int(got)))
    }
}
