import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct TmuxThemeRendererTests {
    @Test func rendersTheConfigAndTheTmuxConfBlock() throws {
        let files = TmuxThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.computeNode))
        #expect(files.map(\.path) == [".config/rigctl/tmux.conf", ".tmux.conf"])
        #expect(files[1].freshContents == """
            # >>> rigctl theme >>>
            # This machine's colours (rigctl theme).
            source-file -q ~/.config/rigctl/tmux.conf
            # <<< rigctl theme <<<

            """)
    }

    /// Installs the files into a temporary HOME, starts a real tmux server there (it reads ~/.tmux.conf,
    /// whose block loads the theme) and reads the options back.
    @Test func aRealTmuxServerLoadsTheTheme() async throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try LiveSystem().writeText(home + "/.tmux.conf", "set -g history-limit 5000\n")
        let files = TmuxThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.computeNode))
        _ = try ThemeInstaller.install(files, home: home, system: LiveSystem())

        let server = "rigctl-test-\(UUID().uuidString)"
        let tmux = ["env", "HOME=\(home)", "tmux", "-L", server]
        defer { _ = ProcessRunner.run(tmux + ["kill-server"], input: nil, timeout: .seconds(5)) }
        let started = try await ThemeTool.run(tmux + ["new-session", "-d", "cat"])
        try #require(started.succeeded, "tmux new-session: \(started.errorOutput)")
        var options: [String: String] = [:]
        for name in ["status-style", "status-left", "window-status-current-style", "pane-border-style",
                     "pane-active-border-style", "message-style", "history-limit", "allow-passthrough"] {
            options[name] = try await ThemeTool.run(tmux + ["show-options", "-gv", name]).output
        }

        #expect(options == [
            "status-style": "fg=#e6eef7,bg=#19416a\n",
            "status-left": "#[fg=#0b2540,bg=#4aa3ff,bold] #h #[default] \n",
            "window-status-current-style": "fg=#0b2540,bg=#4aa3ff,bold\n",
            "pane-border-style": "fg=#2b64a0\n",
            "pane-active-border-style": "fg=#4aa3ff\n",
            "message-style": "fg=#0b2540,bg=#4aa3ff\n",
            "history-limit": "5000\n",
            "allow-passthrough": "on\n",
        ])
    }
}
