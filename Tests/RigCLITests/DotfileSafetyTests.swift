import Foundation
import Testing
@testable import RigCLI

/// `rigctl render --install` over a home with links, modes, CRLF and latin-1 files: links stay links,
/// modes stay, every user byte stays (backups too), read-only files are refused, and a failure anywhere
/// writes nothing.
@Suite struct DotfileSafetyTests {
    let begin = Data("# >>> rigctl theme >>>\n".utf8)

    func install(_ home: HostileHome) async -> Int32 {
        await exitCode(of: ["render", "workstation", "--repo", Repo.root, "--install", "--home", home.home])
    }

    func count(_ needle: Data, in data: Data) -> Int {
        var count = 0
        var start = data.startIndex
        while let range = data.range(of: needle, in: start..<data.endIndex) {
            count += 1
            start = range.upperBound
        }
        return count
    }

    @Test func linksStayLinksAndTheirTargetsGetTheTheme() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        #expect(await install(home) == 0)
        #expect(home.link(".bashrc") == "dotfiles/bashrc")
        #expect(home.link(HostileHome.settingsPath) == "../../../dotfiles/vscode-settings.json")
        #expect(home.link(".tmux.conf") == "dotfiles/tmux.conf", "a dangling link stays a link; its target is created")
        let bashrc = try home.bytes("dotfiles/bashrc")
        #expect(bashrc.starts(with: HostileHome.bashrc))
        #expect(count(begin, in: bashrc) == 1)
        #expect(try home.bytes("dotfiles/tmux.conf").starts(with: Data("# >>> rigctl theme >>>\n".utf8)))
        #expect(home.temporaries() == [])
    }

    @Test func modesAndEveryUserByteAreKeptAndBackupsAreExact() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        #expect(await install(home) == 0)
        #expect(try home.mode("dotfiles/vscode-settings.json") == 0o600, "a settings.json holding a token stays 0600")
        let settings = try home.bytes("dotfiles/vscode-settings.json")
        // The latin-1 comment line and the other keys are there byte for byte.
        #expect(settings.range(of: Data("    // r".utf8) + Data([0xE9]) + Data("glages (latin-1)\n".utf8)) != nil)
        #expect(settings.range(of: Data("    \"github.token\": \"ghp_secret\",\n    \"editor.fontSize\": 14,\n".utf8)) != nil)
        #expect(settings.range(of: Data("\"statusBar.background\": \"#c678dd\"".utf8)) != nil)

        let bashrcBackups = home.backups(of: ".bashrc")
        #expect(bashrcBackups.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bashrcBackups[0])) == HostileHome.bashrc)
        let settingsBackups = home.backups(of: HostileHome.settingsPath)
        #expect(settingsBackups.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: settingsBackups[0])) == HostileHome.settingsBytes)
        #expect(try home.bytes(".vimrc").starts(with: HostileHome.vimrc))
    }

    @Test func aCRLFFileGetsOneBlockHoweverOftenItIsInstalled() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        // The block as an editor that writes CRLF would leave it: the markers end in "\r".
        let crlf = Data("set number\r\n\r\n\" >>> rigctl theme >>>\r\ncolorscheme old\r\n\" <<< rigctl theme <<<\r\nset mouse=a\r\n".utf8)
        try crlf.write(to: URL(fileURLWithPath: home.home + "/.vimrc"))
        #expect(await install(home) == 0)
        #expect(await install(home) == 0)
        let vimrc = try home.bytes(".vimrc")
        #expect(count(Data("\" >>> rigctl theme >>>".utf8), in: vimrc) == 1)
        #expect(vimrc.starts(with: Data("set number\r\n\r\n\" >>> rigctl theme >>>\n".utf8)))
        #expect(vimrc.suffix(13) == Data("set mouse=a\r\n".utf8))
        #expect(vimrc.range(of: Data("colorscheme old".utf8)) == nil)
    }

    @Test func aReadOnlyFileIsRefusedAndNothingIsWritten() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        chmod(home.dotfiles + "/bashrc", 0o444)
        let before = home.listing()
        #expect(await install(home) == 1)
        #expect(try home.mode("dotfiles/bashrc") == 0o444)
        #expect(try home.bytes("dotfiles/bashrc") == HostileHome.bashrc)
        #expect(home.listing() == before, "no file, backup, directory or temporary file was added")
        #expect(try home.bytes(HostileHome.settingsPath) == HostileHome.settingsBytes)
    }

    @Test func aReadOnlyFileIsNamedInTheError() throws {
        let home = try HostileHome()
        defer { home.remove() }
        chmod(home.dotfiles + "/bashrc", 0o444)
        let result = try Subprocess.run(Subprocess.rigctl, ["render", "workstation", "--repo", Repo.root, "--install", "--home", home.home])
        #expect(result.status == 1)
        #expect(result.output.contains("\(home.dotfiles)/bashrc: cannot write: read-only (mode 0444); rigctl leaves it alone: "
                                       + "make it writable (chmod u+w) to install"), "\(result.output)")
    }

    @Test func oneFileThatCannotBeWrittenStopsThemAll() async throws {
        let home = try HostileHome()
        defer { home.remove() }
        // ~/.vim is a file, so ~/.vim/colors/… cannot be made: the fifth file of eight fails (even for root).
        try Data("not a directory\n".utf8).write(to: URL(fileURLWithPath: home.home + "/.vim"))
        let before = home.listing()
        #expect(await install(home) == 1)
        #expect(home.listing() == before, "nothing was written before or after the file that failed")
        #expect(try home.bytes(".bashrc") == HostileHome.bashrc)
        #expect(try home.bytes(".vimrc") == HostileHome.vimrc)
    }

    /// As root into a home someone else owns, rigctl writes as that user: the files are theirs, and a link
    /// of theirs into a root-owned directory cannot make root write there.
    @Test(.enabled(if: geteuid() == 0, "needs root: writes a home as another uid")) func asRootIntoAUsersHomeItWritesAsTheUser() throws {
        let home = try HostileHome()
        defer { home.remove() }
        let user: uid_t = 54_321
        let rootOnly = home.root + "/root-only"
        try FileManager.default.createDirectory(atPath: rootOnly, withIntermediateDirectories: true)
        chmod(home.root, 0o755)
        for path in home.listing() { lchown(home.home + "/" + path, user, user) }
        chown(home.home, user, user)

        let fine = try Subprocess.run(Subprocess.rigctl, ["render", "workstation", "--repo", Repo.root, "--install", "--home", home.home])
        #expect(fine.status == 0, "\(fine.output)")
        var info = stat()
        #expect(stat(home.home + "/.config/rigctl/theme.sh", &info) == 0 && info.st_uid == user && info.st_gid == user)
        #expect(stat(home.home + "/.config/rigctl", &info) == 0 && info.st_uid == user)
        #expect(stat(home.dotfiles + "/bashrc", &info) == 0 && info.st_uid == user)

        // The user points ~/.config/rigctl at a directory only root may write.
        try FileManager.default.removeItem(atPath: home.home + "/.config/rigctl")
        try FileManager.default.createSymbolicLink(atPath: home.home + "/.config/rigctl", withDestinationPath: rootOnly)
        lchown(home.home + "/.config/rigctl", user, user)
        let bashrc = try home.bytes("dotfiles/bashrc")
        let refused = try Subprocess.run(Subprocess.rigctl, ["render", "compute-node", "--repo", Repo.root, "--install", "--home", home.home])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("permission denied"), "\(refused.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: rootOnly) == [])
        #expect(try home.bytes("dotfiles/bashrc") == bashrc, "all or nothing: the other files were left as they were")
    }
}

/// `rigctl render --check`: exit 0 when the installed files are what `--install` would leave, 1 when one
/// is missing or differs (a changed accent, a hand-edited block), and it writes nothing.
@Suite struct RenderCheckTests {
    func render(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(Subprocess.rigctl, ["render"] + arguments + ["--repo", Repo.root])
    }

    @Test func checkSaysWhetherTheInstalledThemeIsTheSpecs() throws {
        let home = try HostileHome()
        defer { home.remove() }
        let before = home.listing()
        let fresh = try render(["workstation", "--check", "--home", home.home])
        #expect(fresh.status == 1, "\(fresh.output)")
        #expect(fresh.output.contains("differs   \(home.home)/.config/rigctl/theme.sh"), "\(fresh.output)")
        #expect(home.listing() == before, "--check writes nothing")

        #expect(try render(["workstation", "--install", "--home", home.home]).status == 0)
        let installed = try render(["workstation", "--check", "--home", home.home])
        #expect(installed.status == 0, "\(installed.output)")
        #expect(installed.output.contains("is as the spec says"), "\(installed.output)")

        // Another machine's theme (other colours) differs; so does a hand-edited block.
        #expect(try render(["compute-node", "--check", "--home", home.home]).status == 1)
        let bashrc = try home.bytes("dotfiles/bashrc")
        try (bashrc + Data("# edited\n".utf8)).write(to: URL(fileURLWithPath: home.dotfiles + "/bashrc"))
        #expect(try render(["workstation", "--check", "--home", home.home]).status == 0, "lines outside the block are the user's")
        let edited = String(decoding: bashrc, as: UTF8.self).replacingOccurrences(of: "theme.sh\" ]; then", with: "theme.sh\" ]; then # mine")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: home.dotfiles + "/bashrc"))
        let changed = try render(["workstation", "--check", "--home", home.home])
        #expect(changed.status == 1 && changed.output.contains("differs   \(home.home)/.bashrc"), "\(changed.output)")
    }

    @Test func checkGoesAlone() async {
        #expect(await exitCode(of: ["render", "workstation", "--check", "--install", "--repo", Repo.root]) == 64)
    }
}
