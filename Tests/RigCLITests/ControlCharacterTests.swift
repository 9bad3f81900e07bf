import Foundation
import Testing
@testable import RigCLI

/// Untrusted text on every command's error paths (machine names, paths, spec values, facts and recording
/// contents, option values ArgumentParser echoes) never reaches the terminal as raw control characters:
/// each command is run with them and both streams are searched.
@Suite struct ControlCharacterTests {
    /// ESC ] 0 ; … BEL retitles a terminal window, ESC [ 2 J clears it, CR rewrites the line, DEL and a C1 CSI.
    static let hostile = "evil\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{7F}\u{9B}31m"

    /// The scalars that must not appear: C0 controls but newline and tab, DEL, C1 controls.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    static func commands(repo: String, spec: String, facts: String) -> [[String]] {
        let h = hostile
        return [
            ["validate", "/nonexistent/\(h).yaml"], ["validate", spec], ["validate", spec, "--format", "json"],
            ["validate", "--format", h], [h], ["plan", h, "--repo", repo], ["plan", spec, "--repo", repo],
            ["plan", "compute-node", "--repo", repo, "--format", h],
            ["diff", h, "--repo", repo], ["diff", "compute-node", "--repo", repo, "--facts", facts],
            ["diff", "compute-node", "--repo", repo, "--replay", "/nonexistent/\(h)"],
            ["probe", "--replay", "/nonexistent/\(h)"], ["init", "--replay", "/nonexistent/\(h)"],
            ["render", h, "--repo", repo], ["render", "compute-node", "--repo", repo, "--check", "--home", "/nonexistent/\(h)"],
            ["theme", "preview", h, "--repo", repo], ["theme", "uninstall", h, "--repo", repo],
            ["theme", "uninstall", "compute-node", "--repo", repo, "--home", "/nonexistent/\(h)", "--dry-run"],
            ["snapshot", h, "--repo", repo], ["audit", "--repo", repo], ["audit", "--repo", "/nonexistent/\(h)"],
            ["generate", "--check", "--repo", repo], ["apply", h, "--repo", repo, "--dry-run"], ["log", h, "--repo", repo],
        ]
    }

    @Test func noCommandPrintsARawControlCharacter() async throws {
        let repo = try Repo.copy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        // A spec whose values carry the controls (YAML's \e, \a and \r escapes), and facts that do.
        let spec = repo + "/machines/evil.yaml"
        try """
            version: 1
            hostname: "evil\\e]0;pwned\\a\\r"
            description: "\\e[2J\\r"
            os: { distro: "ubuntu\\e[31m", release: "22.04" }
            packages: { apt: ["git\\e]0;x\\a"] }

            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let facts = repo + "/facts.json"
        try "{\"format\": 1, \"host\u{1B}]0;x\u{07}\": \"\r\u{1B}[2J\"}".write(toFile: facts, atomically: true, encoding: .utf8)

        var checked = 0
        for arguments in Self.commands(repo: repo, spec: spec, facts: facts) {
            let result = await Rigctl.run(arguments)
            let found = Self.rawControls(result.stdout + result.stderr)
            #expect(found.isEmpty, "rigctl \(arguments.map(\.debugDescription).joined(separator: " ")) printed \(found): \(result.stderr.debugDescription)")
            #expect(result.status != 0, "an error path: \(arguments)")
            checked += 1
        }
        #expect(checked == 24)
    }

    @Test func theStylesOwnColoursStayAndEverythingElseIsEscaped() {
        let styled = TerminalStyle(enabled: true).red("error:") + " bad \u{1B}]0;x\u{07} \r\u{1B}[38;2;1;2;3m end\n\tnext"
        let safe = TerminalSafeText.sanitized(styled)
        #expect(safe == "\u{1B}[31merror:\u{1B}[0m bad \\u001b]0;x\\u0007 \\r\\u001b[38;2;1;2;3m end\n\tnext")
    }
}
