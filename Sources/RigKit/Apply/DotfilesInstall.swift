import RigSpec
import Foundation
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog

/// The `dotfiles` step of `rigctl apply`: the theme's files checked and installed with
/// `ThemeInstaller` (atomic writes, backups, blocks kept in place, settings merged), then handed
/// to their owner when rigctl runs as root for someone.
struct DotfilesInstall {
    var files: [RenderedFile]
    var target: DotfilesTarget
    var system: any System

    /// Whether every file already reads as the installer would leave it.
    func isCurrent() -> Result<Bool, InstallError> {
        for file in files {
            let path = self.path(of: file)
            let existing: String?
            do {
                existing = try system.readText(path)
            } catch .notFound {
                return .success(false)
            } catch {
                return .failure(InstallError(path: path, message: "cannot read: \(error.reason)"))
            }
            do {
                if try file.installedText(over: existing) != existing { return .success(false) }
            } catch {
                return .failure(InstallError(path: path, message: error.message))
            }
        }
        return .success(true)
    }

    func install() async -> Result<InstallReport, InstallError> {
        let newDirectories = target.owner == nil ? [] : missingDirectories()
        let report: InstallReport
        do {
            report = try ThemeInstaller.install(files, home: target.home, system: system)
        } catch {
            return .failure(error)
        }
        if let owner = target.owner {
            let paths = newDirectories + report.changed.flatMap { [$0.path] + ($0.backup.map { [$0] } ?? []) }
            if !paths.isEmpty {
                let result = await system.run(["chown", "--no-dereference", owner] + paths, input: nil, timeout: .seconds(30))
                if let reason = result.failureReason(program: "chown") {
                    return .failure(InstallError(path: target.home, message: "cannot hand the files to \(owner): \(reason)"))
                }
            }
        }
        return .success(report)
    }

    private func path(of file: RenderedFile) -> String {
        target.home.hasSuffix("/") ? target.home + file.path : target.home + "/" + file.path
    }

    /// Directories between the home and each file that the install will create, outermost first.
    private func missingDirectories() -> [String] {
        var missing: [String] = []
        for file in files {
            let components = file.path.split(separator: "/").dropLast()
            var directory = target.home.hasSuffix("/") ? String(target.home.dropLast()) : target.home
            for component in components {
                directory += "/" + component
                if !missing.contains(directory) && !system.fileExists(directory) { missing.append(directory) }
            }
        }
        return missing
    }
}
