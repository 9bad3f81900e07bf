import Foundation
import RegexBuilder
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

/// The installed theme in a real interactive bash, zsh and fish, in a real pseudo-terminal (a tmux pane), on
/// real start-up files (Fixtures/shellrc, see SOURCES.md there): as a terminal emulator's shell
/// (TERM=xterm-256color, not in tmux) and inside tmux. The prompt shows the host once, in the accent; the
/// stock bash files' xterm title stays whole (no bell); the terminal's colours are the machine's, and again
/// after an ssh session that painted them.
@Suite(.serialized) struct ShellPromptTests {
    enum Terminal: String, CaseIterable, Sendable {
        /// What GNOME Terminal, iTerm2 or VS Code's terminal give a shell.
        case xterm
        /// A shell in a tmux pane.
        case tmux
    }

    /// A shell with its start-up file: the fixture goes to `rcPath` (none: the shell's stock behaviour).
    struct Shell: Sendable, CustomTestStringConvertible {
        var fixture: String?
        var rcPath: String
        var command: String
        var testDescription: String { "\(command.split(separator: " ")[0]) \(fixture ?? "no config")" }
    }

    static let shells: [Shell] = [
        Shell(fixture: "debian-12-skel.bashrc", rcPath: ".bashrc", command: "bash --noprofile -i"),
        Shell(fixture: "ubuntu-24.04-skel.bashrc", rcPath: ".bashrc", command: "bash --noprofile -i"),
        Shell(fixture: "linuxmint-skel.bashrc", rcPath: ".bashrc", command: "bash --noprofile -i"),
        Shell(fixture: "custom-ps1.bashrc", rcPath: ".bashrc", command: "bash --noprofile -i"),
        Shell(fixture: "prompt-command.bashrc", rcPath: ".bashrc", command: "bash --noprofile -i"),
        Shell(fixture: "debian-12-zsh-newuser.zshrc", rcPath: ".zshrc", command: "zsh -i"),
        Shell(fixture: nil, rcPath: ".zshrc", command: "zsh -i"),
        Shell(fixture: nil, rcPath: ".config/fish/config.fish", command: "fish -i"),
    ]
    static let cases = shells.flatMap { shell in Terminal.allCases.map { (shell, $0) } }

    /// compute-node: background #0b2540, foreground #e6eef7, accent #4aa3ff.
    let accentSGR = "\u{1b}[38;2;74;163;255m"

    func fixture(_ name: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: fixtures.appendingPathComponent("shellrc/\(name)"), encoding: .utf8)
    }

    @Test(arguments: cases)
    func thePromptShowsTheHostOnceInTheAccentAndTheColoursHold(shell: Shell, terminal: Terminal) async throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let system = LiveSystem()
        if let name = shell.fixture { try system.writeText(home + "/" + shell.rcPath, try fixture(name)) }
        var spec = ThemeExamples.computeNode
        spec.theme?.shells = [.bash, .zsh, .fish]
        _ = try ThemeInstaller.install(try ThemeRenderer.render(spec), home: home, system: system)
        // An ssh that paints the terminal red, as another machine's theme would.
        try system.writeText(home + "/bin/ssh", "#!/bin/sh\nprintf '\\033]11;#ff0000\\007'\nexit 0\n", mode: 0o755)

        let server = "rigctl-prompt-\(UUID().uuidString)"
        let tmux = ["tmux", "-L", server, "-f", "/dev/null"]
        defer { _ = ProcessRunner.run(tmux + ["kill-server"], input: nil, timeout: .seconds(5)) }
        let environment = terminal == .xterm ? "env -u TMUX TERM=xterm-256color" : "env TERM=tmux-256color"
        let command = "\(environment) HOME=\(home) PATH=\(home)/bin:/usr/bin:/bin COLORTERM=truecolor \(shell.command)"
        // The shell runs in a second, background window, so a bell in it raises that window's bell flag.
        let session = try await ThemeTool.run(tmux + ["new-session", "-d", "-s", "s", "-x", "200", "-y", "20", "cat"], timeout: .seconds(60))
        try #require(session.succeeded, "tmux new-session: \(session.outcome) \(session.errorOutput)")
        let window = try await ThemeTool.run(tmux + ["new-window", "-d", "-t", "s:1", "-c", home, command], timeout: .seconds(60))
        try #require(window.succeeded, "tmux new-window: \(window.outcome) \(window.errorOutput)")

        // Typed into the shell (as `source ~/t`, which bash, zsh and fish all read): it captures its own screen
        // while the first prompt is on it, asks the terminal for its background (an OSC 11 query, answered by
        // tmux with the pane's colour, read by bash), runs ssh, asks again, and says it is done.
        try system.writeText(home + "/query", #"""
            printf '\e]11;?\e\\'; IFS= read -rs -t 5 -d '\' r; printf '%s\n' "${r#*;}" >>"$HOME/colours"

            """#)
        try system.writeText(home + "/t", """
            tmux -L \(server) capture-pane -p -e -J -t s:1 > "$HOME/screen"
            bash "$HOME/query"
            ssh other
            bash "$HOME/query"
            tmux -L \(server) wait-for -S done

            """)
        try #require(try await ThemeTool.run(tmux + ["send-keys", "-t", "s:1", "-l", "source ~/t"]).succeeded)
        try #require(try await ThemeTool.run(tmux + ["send-keys", "-t", "s:1", "Enter"]).succeeded)
        let done = try await ThemeTool.run(tmux + ["wait-for", "done"], timeout: .seconds(60))
        try #require(done.succeeded, "the shell did not run the command")
        let flags = try await ThemeTool.run(tmux + ["display", "-p", "-t", "s:1", "#{window_bell_flag} #{pane_title}"])
        if terminal == .tmux {
            // A terminal that attaches later gets the colours: the shell set the hook that prints them.
            let hooks = try await ThemeTool.run(tmux + ["show-hooks", "-g"])
            #expect(hooks.output.contains("client-attached[42] run-shell -b \"\(shell.command.split(separator: " ")[0]) \(home)/"),
                    "\(hooks.output)")
        }

        let host = try await ThemeTool.run(["hostname", "-s"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let user = try await ThemeTool.run(["id", "-un"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let screen = try system.readText(home + "/screen")
        // The line the prompt is on: the one where the command (coloured by fish) follows something (the prompt).
        let sgr = /\x1b\[[0-9;]*m/
        let line = try #require(screen.split(separator: "\n").map(String.init).first {
            let visible = $0.replacing(sgr, with: "")
            return visible.hasSuffix("source ~/t") && visible != "source ~/t"
        }, "no prompt line on the screen:\n\(screen)")
        let visible = String(line.replacing(sgr, with: "").dropLast(10))
        #expect(visible.components(separatedBy: host).count == 2, "the host once in the prompt \(visible.debugDescription)")
        // The accent, then maybe the prompt's own attributes (a background), then user@host or the host.
        let accented = line.firstMatch(of: Regex {
            accentSGR
            ZeroOrMore(sgr)
            Optionally { "\(user)@" }
            host
        }) != nil
        #expect(accented, "the host in the accent: \(line.debugDescription)")
        #expect(flags.output.hasPrefix("0 "), "no bell rang: \(flags.output)")
        if terminal == .xterm && shell.fixture?.contains("skel") == true {
            #expect(flags.output.contains(" \(user)@\(host)"), "the xterm title is whole: \(flags.output)")
        }
        let colours = try system.readText(home + "/colours")
        #expect(colours == "rgb:0b0b/2525/4040\u{1b}\nrgb:0b0b/2525/4040\u{1b}\n", "the machine's background, before and after ssh")
    }
}
