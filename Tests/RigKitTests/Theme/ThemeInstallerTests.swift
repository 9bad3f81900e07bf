import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct ThemeInstallerTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    let system = LiveSystem()

    @Test func installsKeepsUserContentBacksUpAndIsIdempotent() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let bashrc = "# my bashrc\nalias ll='ls -l'\n"
        let settings = try JSONCTestSupport.fixture("settings-with-comments.json")
        try system.writeText(home + "/.bashrc", bashrc)
        try system.writeText(home + "/.config/Code/User/settings.json", settings)
        let files = try ThemeRenderer.render(ThemeExamples.workstation)

        let first = try ThemeInstaller.install(files, home: home, system: system, now: now)
        #expect(first.entries.map(\.change) == [.created, .updated, .created, .created, .created, .created, .created, .updated])
        #expect(first.entries.compactMap(\.backup) == [
            home + "/.bashrc.rigctl-backup-20261118T110640Z",
            home + "/.config/Code/User/settings.json.rigctl-backup-20261118T110640Z",
        ])
        #expect(try system.readText(home + "/.bashrc.rigctl-backup-20261118T110640Z") == bashrc)
        #expect(try system.readText(home + "/.config/Code/User/settings.json.rigctl-backup-20261118T110640Z") == settings)
        #expect(try system.readText(home + "/.bashrc").hasPrefix(bashrc + "\n# >>> rigctl theme >>>\n"))
        #expect(try system.readText(home + "/.config/rigctl/theme.sh") == files[0].freshContents)
        let merged = try JSONCTestSupport.parse(try system.readText(home + "/.config/Code/User/settings.json"))
        #expect(merged["editor.fontSize"] as? Int == 14)

        let second = try ThemeInstaller.install(files, home: home, system: system, now: now.addingTimeInterval(60))
        #expect(second.changed.isEmpty)
        #expect(second.entries.count == files.count)
        #expect(try system.listDirectory(home).filter { $0.contains("rigctl-backup") } == [".bashrc.rigctl-backup-20261118T110640Z"])
    }

    @Test func aChangedThemeRewritesRigctlFilesWithoutBackingThemUp() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var spec = ThemeExamples.workstation
        _ = try ThemeInstaller.install(try ThemeRenderer.render(spec), home: home, system: system, now: now)
        spec.theme?.accent = ThemeExamples.color("#ff79c6")
        let report = try ThemeInstaller.install(try ThemeRenderer.render(spec), home: home, system: system, now: now)
        #expect(report.changed.map(\.path) == [
            home + "/.config/rigctl/theme.sh", home + "/.config/rigctl/tmux.conf",
            home + "/.vim/colors/rigctl-workstation.vim", home + "/.config/Code/User/settings.json",
        ])
        // settings.json is the user's file even when rigctl created it: it gets a backup.
        #expect(report.entries.compactMap(\.backup) == [home + "/.config/Code/User/settings.json.rigctl-backup-20261118T110640Z"])
    }

    @Test func brokenSettingsStopTheInstallBeforeAnyWrite() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try system.writeText(home + "/.config/Code/User/settings.json", try JSONCTestSupport.fixture("settings-broken.json"))
        #expect(throws: InstallError(path: home + "/.config/Code/User/settings.json",
                                     message: "3:5: expected ',' or '}' after the value of \"editor.fontSize\"")) {
            try ThemeInstaller.install(try ThemeRenderer.render(ThemeExamples.workstation), home: home, system: system, now: now)
        }
        #expect(try system.listDirectory(home) == [".config"])
        #expect(try system.listDirectory(home + "/.config") == ["Code"])
    }

    @Test func backupNamesNeverCollide() throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try system.writeText(home + "/f.rigctl-backup-20261118T110640Z", "")
        #expect(ThemeInstaller.freeBackupPath(for: home + "/f", now: now, system: system) == home + "/f.rigctl-backup-20261118T110640Z-2")
    }

    @Test func reportReadsOneLinePerFile() {
        let report = InstallReport(entries: [
            .init(path: "/h/.bashrc", change: .updated, backup: "/h/.bashrc.rigctl-backup-x"),
            .init(path: "/h/.vimrc", change: .unchanged),
        ])
        #expect(report.description == "updated   /h/.bashrc (backup: /h/.bashrc.rigctl-backup-x)\nunchanged /h/.vimrc")
    }
}
