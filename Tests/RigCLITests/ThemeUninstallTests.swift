import Foundation
import Testing
@testable import RigCLI

/// `rigctl theme uninstall` over the hostile home (links, a 0600 latin-1 settings.json, CRLF, a dangling
/// link): everything an install did is undone byte for byte, links stay links, modes stay, backups stay,
/// no temporary file is left, a second run changes nothing, and bash still loads the rc file.
@Suite struct ThemeUninstallTests {
    func rigctl(_ arguments: [String]) async -> (status: Int32, stdout: String, stderr: String) {
        await Rigctl.run(arguments + ["--repo", Repo.root])
    }

    /// Every regular file under the home with its bytes, but rigctl's backups.
    func contents(_ home: HostileHome) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in home.listing() where !path.contains(".rigctl-backup-") {
            var info = stat()
            if lstat(home.home + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { files[path] = try home.bytes(path) }
        }
        return files
    }

    @Test func uninstallGivesTheHomeBackByteForByteAndASecondRunDoesNothing() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        let before = try contents(home)
        #expect(await rigctl(["render", "workstation", "--install", "--home", home.home]).status == 0)
        #expect(try contents(home) != before)

        let undone = await rigctl(["theme", "uninstall", "workstation", "--home", home.home])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains("restored  \(home.home)/.bashrc (from \(home.home)/.bashrc.rigctl-backup-"), "\(undone.stdout)")
        #expect(undone.stdout.contains("removed   \(home.home)/.config/rigctl/theme.sh"), "\(undone.stdout)")
        #expect(try contents(home) == before, "every file as it was before the install, and rigctl's own gone")
        #expect(home.link(".bashrc") == "dotfiles/bashrc")
        #expect(home.link(HostileHome.settingsPath) == "../../../dotfiles/vscode-settings.json")
        #expect(home.link(".tmux.conf") == "dotfiles/tmux.conf", "the dangling link is dangling again")
        #expect(!FileManager.default.fileExists(atPath: home.dotfiles + "/tmux.conf"))
        #expect(try home.mode("dotfiles/vscode-settings.json") == 0o600)
        #expect(!home.backups(of: ".bashrc").isEmpty, "backups are the user's bytes: they stay")
        #expect(home.temporaries() == [])

        let listing = home.listing()
        let again = await rigctl(["theme", "uninstall", "workstation", "--home", home.home])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing changed"), "\(again.stdout)")
        #expect(home.listing() == listing)
        #expect(try contents(home) == before)
    }

    @Test func anEditAfterTheInstallIsKeptAndOnlyTheBlockGoes() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        #expect(await rigctl(["render", "workstation", "--install", "--home", home.home]).status == 0)
        let installed = try home.bytes("dotfiles/bashrc")
        try (installed + Data("alias gs='git status'\n".utf8)).write(to: URL(fileURLWithPath: home.dotfiles + "/bashrc"))

        let undone = await rigctl(["theme", "uninstall", "workstation", "--home", home.home])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains("edited    \(home.home)/.bashrc"), "\(undone.stdout)")
        let bashrc = try home.bytes("dotfiles/bashrc")
        #expect(bashrc == HostileHome.bashrc + Data("\nalias gs='git status'\n".utf8), "\(String(decoding: bashrc, as: UTF8.self).debugDescription)")
        #expect(home.link(".bashrc") == "dotfiles/bashrc")

        // A real bash loads what is left, without an error.
        let shell = try Subprocess.run("bash", ["-i", "-c", "alias gs && echo loaded"], environment: ["HOME": home.home, "TERM": "dumb"])
        #expect(shell.status == 0 && shell.output.contains("loaded"), "\(shell.output)")
        #expect(!shell.output.contains("rigctl") && !shell.output.contains("No such file"), "\(shell.output)")
    }

    @Test func aDryRunSaysWhatWouldChangeAndWritesNothing() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        #expect(await rigctl(["render", "workstation", "--install", "--home", home.home]).status == 0)
        let installed = try contents(home)
        let listing = home.listing()
        let dry = await rigctl(["theme", "uninstall", "workstation", "--home", home.home, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would take the theme of workstation out of"), "\(dry.stdout)")
        #expect(dry.stdout.contains("removed   \(home.home)/.config/rigctl/tmux.conf"), "\(dry.stdout)")
        #expect(home.listing() == listing)
        #expect(try contents(home) == installed)
    }

    @Test func aReadOnlyFileStopsTheUninstallAndNothingIsWritten() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        #expect(await rigctl(["render", "workstation", "--install", "--home", home.home]).status == 0)
        chmod(home.home + "/.vimrc", 0o444)
        let installed = try contents(home)
        let listing = home.listing()
        let refused = await rigctl(["theme", "uninstall", "workstation", "--home", home.home])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("read-only (mode 0444)") && refused.stderr.contains("nothing was written"), "\(refused.stderr)")
        #expect(home.listing() == listing)
        #expect(try contents(home) == installed)
    }

    /// As root into a home someone else owns, the uninstall writes as that user: the restored files stay
    /// theirs, and a link of theirs into a root-owned directory cannot make root remove a file there.
    @Test(.enabled(if: geteuid() == 0, "needs root: writes a home as another uid")) func asRootItWritesAsTheUser() throws {
        let home = try HostileHome()
        defer { home.remove() }
        let user: uid_t = 54_322
        chmod(home.root, 0o755)
        for path in home.listing() { lchown(home.home + "/" + path, user, user) }
        chown(home.home, user, user)
        let install = try Subprocess.run(Subprocess.rigctl, ["render", "workstation", "--repo", Repo.root, "--install", "--home", home.home])
        #expect(install.status == 0, "\(install.output)")

        // The user swaps rigctl's tmux.conf for a link to a root-owned copy.
        let rootOnly = home.root + "/root-only"
        try FileManager.default.createDirectory(atPath: rootOnly, withIntermediateDirectories: true)
        let conf = home.home + "/.config/rigctl/tmux.conf"
        try FileManager.default.copyItem(atPath: conf, toPath: rootOnly + "/tmux.conf")
        try FileManager.default.removeItem(atPath: conf)
        try FileManager.default.createSymbolicLink(atPath: conf, withDestinationPath: rootOnly + "/tmux.conf")
        lchown(conf, user, user)
        let refused = try Subprocess.run(Subprocess.rigctl, ["theme", "uninstall", "workstation", "--repo", Repo.root, "--home", home.home])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(FileManager.default.fileExists(atPath: rootOnly + "/tmux.conf"), "root removed nothing of its own for the user")

        try FileManager.default.removeItem(atPath: conf)
        let undone = try Subprocess.run(Subprocess.rigctl, ["theme", "uninstall", "workstation", "--repo", Repo.root, "--home", home.home])
        #expect(undone.status == 0, "\(undone.output)")
        var info = stat()
        #expect(stat(home.dotfiles + "/bashrc", &info) == 0 && info.st_uid == user)
        #expect(try home.bytes("dotfiles/bashrc") == HostileHome.bashrc)
    }
}
