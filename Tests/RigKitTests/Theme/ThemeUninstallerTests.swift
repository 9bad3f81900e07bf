import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigTheme

/// `ThemeUninstaller` on a real directory: installs with changing colours leave a chain of backups, and
/// the uninstall still puts the user's original back; without a backup it takes out exactly rigctl's part.
@Suite struct ThemeUninstallerTests {
    let bashrc = Array("# mine\r\nexport EDITOR=vi".utf8) + [0xE9]
    let settings = Array("{\n    // mine\n    \"editor.fontSize\": 14,\n    \"workbench.colorCustomizations\": { \"editor.background\": \"#101010\" },\n}\n".utf8)

    func palette(accent: String) throws -> Palette {
        var spec = ThemeExamples.computeNode
        spec.theme?.accent = ThemeExamples.color(accent)
        return try Palette(spec: spec)
    }

    @Test func afterSeveralInstallsTheOriginalsComeBack() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let system = LiveSystem()
        let settingsPath = ".vscode-server/data/Machine/settings.json"
        try system.writeFile(home + "/.bashrc", Data(bashrc), mode: 0o640)
        try system.writeFile(home + "/" + settingsPath, Data(settings), mode: 0o600)
        var files: [RenderedFile] = []
        for (second, accent) in ["#4aa3ff", "#ff8800", "#33cc66"].enumerated() {
            files = ThemeRenderer.render(try palette(accent: accent))
            _ = try ThemeInstaller.install(files, home: home, system: system, now: Date(timeIntervalSince1970: Double(second)))
        }
        #expect(ThemeUninstaller.backups(of: home + "/" + settingsPath, system: system).count == 3)

        let report = try ThemeUninstaller.uninstall(files, home: home, system: system)
        #expect(try system.readFile(home + "/.bashrc") == Data(bashrc))
        #expect(try system.readFile(home + "/" + settingsPath) == Data(settings))
        #expect(report.entries.first { $0.path.hasSuffix(settingsPath) }?.backup?.hasSuffix("19700101T000000Z") == true, "\(report)")
        #expect(!system.fileExists(home + "/.config/rigctl/theme.sh"))
        #expect(!system.fileExists(home + "/.tmux.conf"), "created by the install, removed by the uninstall")
        let again = try ThemeUninstaller.uninstall(files, home: home, system: system)
        #expect(again.changed.isEmpty, "\(again)")
    }

    @Test func installsKeepABoundedNumberOfBackupsTheOriginalFirst() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let system = LiveSystem()
        let settingsPath = home + "/.vscode-server/data/Machine/settings.json"
        try system.writeFile(settingsPath, Data(settings), mode: 0o600)
        let accents = ["#4aa3ff", "#ff8800", "#33cc66", "#cc33aa", "#8888ff", "#ffcc00", "#00cccc", "#ff4444"]
        var files: [RenderedFile] = []
        for (second, accent) in accents.enumerated() {
            files = ThemeRenderer.render(try palette(accent: accent))
            _ = try ThemeInstaller.install(files, home: home, system: system, now: Date(timeIntervalSince1970: Double(second)))
        }
        let backups = ThemeUninstaller.backupPaths(of: settingsPath, system: system)
        #expect(backups.count == ThemeInstaller.backupsKept, "\(backups)")
        #expect(try system.readFile(backups[0]) == Data(settings), "the user's original is kept")
        #expect(backups.last?.hasSuffix("19700101T000007Z") == true)
        _ = try ThemeUninstaller.uninstall(files, home: home, system: system)
        #expect(try system.readFile(settingsPath) == Data(settings))
    }

    @Test func withoutABackupOnlyRigctlsPartGoes() throws {
        let files = ThemeRenderer.render(try palette(accent: "#4aa3ff"))
        let settingsFile = try #require(files.first { $0.path.hasSuffix("settings.json") })
        guard case .jsonSettings(let edit) = settingsFile.installation else { Issue.record("not a settings edit"); return }
        let installed = try edit.apply(to: settings)
        // The user set one of rigctl's keys to a colour of their own since: that one is theirs and stays.
        let own = String(decoding: installed, as: UTF8.self).replacingOccurrences(of: "\"focusBorder\": \"#4aa3ff\"", with: "\"focusBorder\": \"#abcdef\"")
        let outcome = try ThemeUninstaller.undo(settingsFile, existing: Array(own.utf8), backups: [], path: "settings.json")
        let expected = String(decoding: settings, as: UTF8.self).replacingOccurrences(of: "\"editor.background\": \"#101010\"",
                                                                                     with: "\"editor.background\": \"#101010\", \"focusBorder\": \"#abcdef\"")
        #expect(outcome == .write(Array(expected.utf8), restored: nil), "\(outcome)")

        let bashrcFile = try #require(files.first { $0.path == ".bashrc" })
        guard case .managedBlock(let block) = bashrcFile.installation else { Issue.record("not a block"); return }
        let middle = Array("a\n".utf8) + Array(block.text.utf8) + Array("b\r\n".utf8)
        #expect(try ThemeUninstaller.undo(bashrcFile, existing: middle, backups: [], path: ".bashrc") == .write(Array("a\nb\r\n".utf8), restored: nil))
        #expect(try ThemeUninstaller.undo(bashrcFile, existing: Array(block.text.utf8), backups: [], path: ".bashrc") == .remove)
        #expect(try ThemeUninstaller.undo(bashrcFile, existing: Array("a\n".utf8), backups: [], path: ".bashrc") == .keep(.notRigctls))
    }
}
