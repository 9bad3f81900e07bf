import Foundation
import Testing
@testable import RigKit

/// The installed theme in a real interactive bash, in a real pseudo-terminal (a tmux pane), on real
/// ~/.bashrc files (Fixtures/bashrc, see SOURCES.md there): as a terminal emulator's shell (TERM=xterm-256color,
/// not in tmux) and inside tmux. The prompt shows the host once, in the accent; the stock files' xterm title
/// stays whole (no bell); the terminal's colours are the machine's, and again after an ssh session that
/// painted them.
@Suite struct BashPromptTests {
    enum Terminal: String, CaseIterable, Sendable {
        /// What GNOME Terminal, iTerm2 or VS Code's terminal give a shell.
        case xterm
        /// A shell in a tmux pane.
        case tmux
    }

    static let fixtures = ["debian-12-skel.bashrc", "linuxmint-skel.bashrc", "custom-ps1.bashrc", "prompt-command.bashrc"]
    static let cases = fixtures.flatMap { fixture in Terminal.allCases.map { (fixture, $0) } }

    /// compute-node: background #0b2540, foreground #e6eef7, accent #4aa3ff.
    let accentSGR = "\u{1b}[38;2;74;163;255m"

    func fixture(_ name: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: fixtures.appendingPathComponent("bashrc/\(name)"), encoding: .utf8)
    }

    @Test(arguments: cases)
    func thePromptShowsTheHostOnceInTheAccentAndTheColoursHold(fixture name: String, terminal: Terminal) async throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let system = LiveSystem()
        try system.writeText(home + "/.bashrc", try fixture(name))
        _ = try ThemeInstaller.install(try ThemeRenderer.render(ThemeExamples.computeNode), home: home, system: system)
        // An ssh that paints the terminal red, as another machine's theme would.
        try system.writeText(home + "/bin/ssh", "#!/bin/sh\nprintf '\\033]11;#ff0000\\007'\nexit 0\n", mode: 0o755)

        let server = "rigctl-prompt-\(UUID().uuidString)"
        let tmux = ["tmux", "-L", server, "-f", "/dev/null"]
        defer { _ = ProcessRunner.run(tmux + ["kill-server"], input: nil, timeout: .seconds(5)) }
        let environment = terminal == .xterm ? "env -u TMUX TERM=xterm-256color" : "env TERM=tmux-256color"
        let shell = "\(environment) HOME=\(home) PATH=\(home)/bin:/usr/bin:/bin COLORTERM=truecolor bash --noprofile -i"
        // The shell runs in a second, background window, so a bell in it raises that window's bell flag.
        try #require(try await ThemeTool.run(tmux + ["new-session", "-d", "-s", "s", "-x", "200", "-y", "20", "cat"]).succeeded)
        try #require(try await ThemeTool.run(tmux + ["new-window", "-d", "-t", "s:1", "-c", home, shell]).succeeded)

        // Typed into the shell (as `. ~/t`): it captures its own screen while the first prompt is on it, asks
        // the terminal for its background (OSC 11 query), runs ssh, asks again, and says it is done.
        let query = #"printf '\e]11;?\e\\'; IFS= read -rs -t 5 -d '\' r; printf '%s\n' "${r#*;}" >>"$HOME/colours""#
        try system.writeText(home + "/t", """
            tmux -L \(server) capture-pane -p -e -J -t s:1 > "$HOME/screen"
            \(query)
            ssh other
            \(query)
            tmux -L \(server) wait-for -S done

            """)
        try #require(try await ThemeTool.run(tmux + ["send-keys", "-t", "s:1", "-l", ". ~/t"]).succeeded)
        try #require(try await ThemeTool.run(tmux + ["send-keys", "-t", "s:1", "Enter"]).succeeded)
        let done = try await ThemeTool.run(tmux + ["wait-for", "done"], timeout: .seconds(20))
        try #require(done.succeeded, "the shell did not run the command")
        let flags = try await ThemeTool.run(tmux + ["display", "-p", "-t", "s:1", "#{window_bell_flag} #{pane_title}"])

        let host = try await ThemeTool.run(["hostname", "-s"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let user = try await ThemeTool.run(["id", "-un"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let screen = try system.readText(home + "/screen")
        // The line the prompt is on: the one where the command follows something (the prompt).
        let line = try #require(screen.split(separator: "\n").map(String.init).first { $0.hasSuffix(". ~/t") && $0 != ". ~/t" },
                                "no prompt line on the screen:\n\(screen)")
        let prompt = String(line.dropLast(5))
        let visible = prompt.replacing(/\x1b\[[0-9;]*m/, with: "")
        #expect(visible.components(separatedBy: host).count == 2, "the host once in the prompt \(visible.debugDescription)")
        #expect(prompt.contains(accentSGR + (name.hasPrefix("debian") ? "\(user)@\(host)" : host)),
                "the host in the accent: \(prompt.debugDescription)")
        #expect(flags.output.hasPrefix("0 "), "no bell rang: \(flags.output)")
        if terminal == .xterm && name.contains("skel") {
            #expect(flags.output.contains(" \(user)@\(host)"), "the xterm title is whole: \(flags.output)")
        }
        let colours = try system.readText(home + "/colours")
        #expect(colours == "rgb:0b0b/2525/4040\u{1b}\nrgb:0b0b/2525/4040\u{1b}\n", "the machine's background, before and after ssh")
    }
}
