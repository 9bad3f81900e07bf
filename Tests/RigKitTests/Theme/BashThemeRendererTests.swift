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

@Suite struct BashThemeRendererTests {
    static let esc = "\u{1b}", bel = "\u{07}"
    /// OSC 10/11/12 for the workstation.
    static let osc = "\(esc)]10;#f2e6ee\(bel)\(esc)]11;#2c001e\(bel)\(esc)]12;#e95420\(bel)"
    /// The same inside tmux's passthrough: ESC P tmux; … ESC \, every ESC doubled.
    static let passthrough = "\(esc)Ptmux;" + osc.replacingOccurrences(of: esc, with: esc + esc) + "\(esc)\\"

    func snippet() throws -> String {
        let files = BashThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.workstation))
        return try #require(files.first { $0.path == ".config/rigctl/theme.sh" }).freshContents
    }

    @Test func rendersTheSnippetAndTheBashrcBlock() throws {
        let files = BashThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.workstation))
        #expect(files.map(\.path) == [".config/rigctl/theme.sh", ".bashrc"])
        #expect(files[1].freshContents == """
            # >>> rigctl theme >>>
            # This machine's terminal colours and prompt (rigctl theme).
            if [ -f "$HOME/.config/rigctl/theme.sh" ]; then
              # shellcheck source=/dev/null
              . "$HOME/.config/rigctl/theme.sh"
            fi
            # <<< rigctl theme <<<

            """)
        let text = try snippet()
        #expect(text.contains("__rigctl_theme_accent='\\[\\e[1;38;2;198;120;221m\\]'"))
        #expect(text.contains("__rigctl_theme_accent='\\[\\e[1;38;5;176m\\]'"))
    }

    @Test(arguments: ThemeExamples.all)
    func snippetAndBlockPassBashNAndShellcheck(spec: MachineSpec) async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ThemeTool.write(BashThemeRenderer.render(try Palette(spec: spec)), under: directory)
        for file in [".config/rigctl/theme.sh", ".bashrc"] {
            let syntax = try await ThemeTool.run(["bash", "-n", "\(directory)/\(file)"])
            #expect(syntax.succeeded, "bash -n \(file): \(syntax.errorOutput)")
            let lint = try await ThemeTool.run(["shellcheck", "--shell=bash", "--severity=style", "\(directory)/\(file)"])
            #expect(lint.succeeded, "shellcheck \(file):\n\(lint.output)")
        }
    }

    @Test func runAsACommandItPrintsOnlyTheColours() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try LiveSystem().writeText(directory + "/theme.sh", try snippet())
        let result = try await ThemeTool.run(["bash", directory + "/theme.sh"])
        #expect(result.succeeded)
        #expect(result.output == Self.osc)
    }

    /// An interactive bash in the installed HOME reads ~/.bashrc, whose block sources the snippet.
    @Test func theInstalledBashrcSourcesTheSnippet() async throws {
        let home = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try LiveSystem().writeText(home + "/.bashrc", "PS1='\\u@\\h:\\w\\$ '\n")
        _ = try ThemeInstaller.install(BashThemeRenderer.render(try ThemeExamples.palette(ThemeExamples.workstation)),
                                       home: home, system: LiveSystem())
        let result = try await ThemeTool.run(["env", "HOME=\(home)", "COLORTERM=truecolor", "bash", "--noprofile", "-i", "-c",
                                              "echo \"$(type -t __rigctl_theme_apply) $PS1\""])
        #expect(result.output == "function \\[\\e[1;38;2;198;120;221m\\]\\u@\\h\\[\\e[0m\\]:\\w\\$ \n")
    }

    @Test func nonInteractiveShellsAreLeftAlone() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try LiveSystem().writeText(directory + "/theme.sh", try snippet())
        let result = try await ThemeTool.run(
            ["bash", "--norc", "--noprofile", "-c", ". \(directory)/theme.sh; echo \"done ${PS1-unset} $(type -t ssh)\""])
        #expect(result.output == "done unset file\n")
    }

    /// Runs the snippet in real pseudo-terminals inside a private tmux server and reads the bytes it wrote
    /// (through `script`): inside tmux, outside tmux, and on a dumb terminal; after a (fake) ssh session too.
    @Test func emitsTheEscapeSequencesInAPseudoTerminal() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let system = LiveSystem()
        try system.writeText(directory + "/theme.sh", try snippet())
        try system.writeText(directory + "/bin/ssh", "#!/bin/sh\necho \"remote session $*\"\nexit 3\n", mode: 0o755)
        try system.writeText(directory + "/inside.sh", """
            PS1='\\[\\033[01;32m\\]\\u@\\h\\[\\033[00m\\]:\\w\\$ '
            . "$PWD/theme.sh"
            ssh other-machine
            echo "ssh status $?"
            printf 'PS1=%s\\n' "$PS1"

            """)
        let channel = "rigctl-done-\(UUID().uuidString)"
        try system.writeText(directory + "/session.sh", """
            cd "$(dirname "$0")" || exit 1
            export PATH="$PWD/bin:$PATH" COLORTERM=truecolor
            script -q -e -c 'bash --norc --noprofile -i -c ". ./inside.sh"' in-tmux.log
            env -u TMUX script -q -e -c 'bash --norc --noprofile -i -c ". ./theme.sh"' plain.log
            env -u TMUX TERM=dumb script -q -e -c 'bash --norc --noprofile -i -c ". ./theme.sh"' dumb.log
            env -u TMUX TERM=linux script -q -e -c 'bash --norc --noprofile -i -c ". ./theme.sh"' linux.log
            tmux wait-for -S \(channel)
            exec cat

            """)
        let server = "rigctl-test-\(UUID().uuidString)"
        let tmux = ["tmux", "-L", server, "-f", "/dev/null"]
        defer { _ = ProcessRunner.run(tmux + ["kill-server"], input: nil, timeout: .seconds(5)) }
        let started = try await ThemeTool.run(tmux + ["new-session", "-d", "-x", "100", "-y", "30", "sh \(directory)/session.sh"])
        try #require(started.succeeded, "tmux new-session: \(started.errorOutput)")
        let waited = try await ThemeTool.run(tmux + ["wait-for", channel], timeout: .seconds(30))
        let hooks = try await ThemeTool.run(tmux + ["show-hooks", "-g"])
        try #require(waited.succeeded, "the session in tmux did not finish: \(waited.outcome)")

        let inTmux = try system.readText(directory + "/in-tmux.log")
        let both = Self.osc + Self.passthrough
        let ssh = try #require(inTmux.range(of: "remote session other-machine"))
        #expect(inTmux[..<ssh.lowerBound].contains(both), "colours when sourced inside tmux")
        #expect(inTmux[ssh.upperBound...].contains(both + "ssh status 3"), "colours restored after ssh, its status kept")
        #expect(inTmux.contains("PS1=\\[\\033[01;32m\\]\\[\\e[1;38;2;198;120;221m\\]\\u@\\h\\[\\e[0m\\]\\[\\033[00m\\]:\\w\\$ "))
        #expect(hooks.output.contains("client-attached[42] run-shell -b \"bash \(directory)/theme.sh > #{client_tty}\""))

        let plain = try system.readText(directory + "/plain.log")
        #expect(plain.contains(Self.osc))
        #expect(!plain.contains("Ptmux;"))
        let dumb = try system.readText(directory + "/dumb.log")
        #expect(!dumb.contains("\(Self.esc)]1"))
        let linux = try system.readText(directory + "/linux.log")
        #expect(!linux.contains("\(Self.esc)]1"))
    }

    /// A terminal that attaches to the tmux server later gets the colours from the hook the snippet set:
    /// a shell in server A sources the snippet; a client attaches to A from a pane of server B, through
    /// `script -f`, and the bytes tmux's hook writes to that client's tty land in the log.
    @Test func aTerminalAttachingLaterGetsTheColours() async throws {
        let directory = try ThemeTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let system = LiveSystem()
        try system.writeText(directory + "/theme.sh", try snippet())
        let serverA = "rigctl-test-\(UUID().uuidString)", serverB = "rigctl-test-\(UUID().uuidString)"
        let channel = "rigctl-sourced-\(UUID().uuidString)"
        let a = ["tmux", "-L", serverA, "-f", "/dev/null"], b = ["tmux", "-L", serverB, "-f", "/dev/null"]
        defer {
            // Best effort: the servers of this test only, by their private socket names.
            _ = ProcessRunner.run(a + ["kill-server"], input: nil, timeout: .seconds(5))
            _ = ProcessRunner.run(b + ["kill-server"], input: nil, timeout: .seconds(5))
        }
        let started = try await ThemeTool.run(a + ["new-session", "-d", "-s", "work",
            "bash --norc --noprofile -i -c '. \(directory)/theme.sh; tmux wait-for -S \(channel); exec cat'"])
        try #require(started.succeeded, "tmux new-session: \(started.errorOutput)")
        let sourced = try await ThemeTool.run(a + ["wait-for", channel], timeout: .seconds(20))
        try #require(sourced.succeeded)

        let log = directory + "/attach.log"
        let attached = try await ThemeTool.run(b + ["new-session", "-d", "script -f -q -c 'tmux -L \(serverA) attach -t work' \(log)"])
        try #require(attached.succeeded, "tmux new-session: \(attached.errorOutput)")
        // Wait for the condition (the hook's bytes in the log), at most 10 s.
        var text = ""
        for _ in 0..<200 {
            text = (try? system.readText(log)) ?? ""
            if text.contains(Self.osc) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(text.contains(Self.osc), "the client-attached hook did not colour the new client's terminal")
    }
}
