import RigSpec
import FoundationEssentials
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog

/// The `dotfiles` step of `rigctl apply`: the theme's files checked and installed with
/// `ThemeInstaller` (all-or-nothing writes through links, byte-exact backups, blocks kept in place,
/// settings merged). When rigctl runs as root for someone (`sudo rigctl apply`), every read and write
/// of their home is done with their identity (`UserIdentity`), so no link of theirs can point a root
/// write (or read) at a file they could not touch themselves.
package struct DotfilesInstall {
    var files: [RenderedFile]
    var target: DotfilesTarget
    var system: any System

    package init(files: [RenderedFile], target: DotfilesTarget, system: any System) {
        self.files = files
        self.target = target
        self.system = system
    }

    /// Whether every file already reads as the installer would leave it.
    package func isCurrent() -> Result<Bool, InstallError> {
        asOwner { () -> Result<Bool, InstallError> in
            for file in files {
                let path = ThemeInstaller.path(of: file, in: target.home)
                do throws(InstallError) {
                    let existing = try ThemeInstaller.read(path, system: system)
                    guard let existing else { return .success(false) }
                    if try file.installedBytes(over: Array(existing)) != Array(existing) { return .success(false) }
                } catch {
                    return .failure(error.path == path ? error : InstallError(path: path, message: error.message))
                }
            }
            return .success(true)
        }
    }

    /// The files (absolute paths) that do not read as the installer would leave them: missing, changed,
    /// or with a block or settings that differ from the spec's.
    package func differences() -> Result<[String], InstallError> {
        asOwner { () -> Result<[String], InstallError> in
            var differing: [String] = []
            for file in files {
                let path = ThemeInstaller.path(of: file, in: target.home)
                do throws(InstallError) {
                    let existing = try ThemeInstaller.read(path, system: system)
                    if let existing, try file.installedBytes(over: Array(existing)) == Array(existing) { continue }
                    differing.append(path)
                } catch {
                    return .failure(error.path == path ? error : InstallError(path: path, message: error.message))
                }
            }
            return .success(differing)
        }
    }

    package func install() -> Result<InstallReport, InstallError> {
        asOwner { () -> Result<InstallReport, InstallError> in
            do throws(InstallError) {
                return .success(try ThemeInstaller.install(files, home: target.home, system: system))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Takes the theme out of the home again (`ThemeUninstaller`); `dryRun` reports without writing.
    package func uninstall(dryRun: Bool = false) -> Result<UninstallReport, InstallError> {
        asOwner { () -> Result<UninstallReport, InstallError> in
            do throws(InstallError) {
                return .success(try ThemeUninstaller.uninstall(files, home: target.home, system: system, dryRun: dryRun))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Runs `body` as the home's owner when rigctl is root writing someone else's home: the `sudo` user
    /// (`target.owner`), or whoever owns the home directory (`sudo rigctl render --install --home /home/ana`).
    private func asOwner<T>(_ body: () -> Result<T, InstallError>) -> Result<T, InstallError> {
        let identity: UserIdentity
        if let owner = target.owner {
            guard let parsed = UserIdentity(owner) else {
                return .failure(InstallError(path: target.home, message: "owner \(owner) is not uid:gid"))
            }
            identity = parsed
        } else if let homeOwner = UserIdentity.owner(ofHome: target.home) {
            identity = homeOwner
        } else {
            return body()
        }
        switch identity.run(body) {
        case .success(let result): return result
        case .failure(let error): return .failure(InstallError(path: target.home, message: error.message))
        }
    }
}
