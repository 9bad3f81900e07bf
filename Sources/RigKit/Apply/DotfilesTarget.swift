import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
/// Whose home the theme files go to, and who owns what rigctl writes there.
package struct DotfilesTarget: Sendable, Equatable {
    package var home: String
    /// `uid:gid` that written files and created directories are handed to, when rigctl runs as root
    /// for someone else (`sudo rigctl apply`); nil: they stay with whoever runs rigctl.
    package var owner: String?

    package init(home: String, owner: String? = nil) {
        self.home = home
        self.owner = owner
    }

    /// `--home` when given. Under `sudo` (root, with `SUDO_USER` someone else): that person's home
    /// from `/etc/passwd`, owned by `SUDO_UID:SUDO_GID`, as the shell script does. Else `$HOME`.
    package static func resolve(explicitHome: String?, system: any System, isRoot: Bool) -> Result<DotfilesTarget, DotfilesTargetError> {
        if let explicitHome { return .success(DotfilesTarget(home: explicitHome)) }
        if isRoot, let user = system.environment("SUDO_USER"), !user.isEmpty, user != "root" {
            guard let uid = system.environment("SUDO_UID"), let gid = system.environment("SUDO_GID") else {
                return .failure(DotfilesTargetError(message: "SUDO_USER is \(user) but SUDO_UID/SUDO_GID are not set; pass --home"))
            }
            guard let home = passwdHome(of: user, system: system) else {
                return .failure(DotfilesTargetError(message: "no home directory for \(user) in /etc/passwd; pass --home"))
            }
            return .success(DotfilesTarget(home: home, owner: "\(uid):\(gid)"))
        }
        guard let home = system.environment("HOME"), !home.isEmpty else {
            return .failure(DotfilesTargetError(message: "HOME is not set; pass --home"))
        }
        return .success(DotfilesTarget(home: home))
    }

    /// The sixth field of the user's `/etc/passwd` line.
    static func passwdHome(of user: String, system: any System) -> String? {
        guard let passwd = try? system.readText("/etc/passwd") else { return nil }
        for line in passwd.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 7, fields[0] == user, !fields[5].isEmpty { return String(fields[5]) }
        }
        return nil
    }
}

package struct DotfilesTargetError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
