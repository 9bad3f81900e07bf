import Foundation
import Testing

/// A home the way real people's look, for the file-safety tests: a stow-managed `~/.bashrc` (a relative
/// link into `dotfiles/`) in latin-1 with a CRLF line, a `0600` VS Code `settings.json` holding a token and
/// a latin-1 comment, reached through a link, a dangling `~/.tmux.conf` link, a CRLF `~/.vimrc`.
struct HostileHome {
    let root: String
    let fileManager = FileManager.default

    /// The user's bytes, by path relative to the home (links' targets, as they were before any install).
    static let bashrc = Data("# ~/.bashrc, kept in a dotfiles repo\r\nalias ll='ls -l'   # caf".utf8) + Data([0xE9]) + Data("\n".utf8)
    static let settingsBytes = Data("{\n    // r".utf8) + Data([0xE9]) + Data("glages (latin-1)\n".utf8)
        + Data("    \"github.token\": \"ghp_secret\",\n    \"editor.fontSize\": 14,\n}\n".utf8)
    static let vimrc = Data("set number\r\nset mouse=a\r\n".utf8)

    static let settingsPath = ".config/Code/User/settings.json"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-hostile-\(UUID())").path
        try make()
    }

    var home: String { root + "/home" }
    var dotfiles: String { home + "/dotfiles" }

    private func make() throws {
        try fileManager.createDirectory(atPath: dotfiles, withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: home + "/.config/Code/User", withIntermediateDirectories: true)
        try Self.bashrc.write(to: URL(fileURLWithPath: dotfiles + "/bashrc"))
        try fileManager.createSymbolicLink(atPath: home + "/.bashrc", withDestinationPath: "dotfiles/bashrc")
        try Self.settingsBytes.write(to: URL(fileURLWithPath: dotfiles + "/vscode-settings.json"))
        chmod(dotfiles + "/vscode-settings.json", 0o600)
        try fileManager.createSymbolicLink(atPath: home + "/" + Self.settingsPath, withDestinationPath: "../../../dotfiles/vscode-settings.json")
        try fileManager.createSymbolicLink(atPath: home + "/.tmux.conf", withDestinationPath: "dotfiles/tmux.conf")
        try Self.vimrc.write(to: URL(fileURLWithPath: home + "/.vimrc"))
    }

    func remove() { try? fileManager.removeItem(atPath: root) }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: home + "/" + path)) }

    /// The link's destination, or nil when `path` is not a symbolic link.
    func link(_ path: String) -> String? { try? fileManager.destinationOfSymbolicLink(atPath: home + "/" + path) }

    func mode(_ path: String) throws -> Int {
        var info = stat()
        guard stat(home + "/" + path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Int(info.st_mode & 0o7777)
    }

    /// Every entry under the home, relative to it, sorted.
    func listing() -> [String] {
        (fileManager.enumerator(atPath: home)?.allObjects as? [String] ?? []).sorted()
    }

    /// Temporary files an install left (rigctl's own name for them, or anything else hidden and unexpected).
    func temporaries() -> [String] {
        listing().filter { path in
            let name = (path as NSString).lastPathComponent
            return name.contains(".rigctl-tmp-") || name.wholeMatch(of: /\..+\.rigctl-[0-9]+-[0-9]+/) != nil
        }
    }

    /// The backups beside `path` (`<name>.rigctl-backup-…`), full paths.
    func backups(of path: String) -> [String] {
        let directory = (home + "/" + path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(name + ".rigctl-backup-") }
            .sorted().map { directory + "/" + $0 }
    }
}
