import Testing
import Foundation
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit

/// The Mac's plan: Homebrew from a generated Brewfile, the Python environment without root, the
/// hostname as a checklist item; a shell script for macOS's bash 3.2 and a playbook that runs as the user.
@Suite struct MacPlanTests {
    static let yaml = MacSpecTests.studio + """
        role: desktop
        python: { version: "3.12", packages: [mlx, mlx-lm] }
        theme: { background: "#1e2228", foreground: "#e8eaed", accent: "#0a84ff", shells: [zsh] }

        """

    func spec() throws -> MachineSpec { try AuditSamples.spec(Self.yaml, name: "mac-studio") }

    func plan() throws -> (Plan, MachineSpec) {
        let spec = try spec()
        return (Planner().plan(spec: spec, dotfiles: try ThemeRenderer.homeFiles(for: spec)), spec)
    }

    @Test func theMacPlanHasNoRootStep() throws {
        let (plan, _) = try plan()
        #expect(plan.steps.map(\.id) == ["brew-packages", "python-environment", "dotfiles", "hostname"])
        #expect(plan.steps.allSatisfy { !$0.needsRoot })
        let brew = try #require(plan.steps.first)
        #expect(brew.fixes == ["packages.brew", "packages.casks"])
        guard case .brewBundle(let brewfile) = brew.kind else { Issue.record("expected brew bundle"); return }
        #expect(brewfile.text == """
            # Written by rigctl from packages.brew and packages.casks; `brew bundle --file=-` reads it.
            tap "homebrew/cask-fonts"
            brew "git"
            brew "homebrew/cask-fonts/font-fira-code"
            cask "iterm2"

            """)
        guard case .manual(let item) = plan.steps[3].kind else { Issue.record("expected a checklist item"); return }
        #expect(item.text == "System Settings > General > Sharing: set Local hostname to mac-studio")
        guard case .pythonEnvironment(let environment) = plan.steps[1].kind else { Issue.record("expected python"); return }
        #expect(environment.path == "/Users/Shared/ml/venv")
        #expect(environment.platformUVHome == "/Users/Shared/rigctl/uv")
    }

    @Test func theVSCodeSettingsAreWhereVSCodeReadsThemOnAMac() throws {
        let paths = try ThemeRenderer.homeFiles(for: try spec()).map(\.path)
        #expect(paths.contains("Library/Application Support/Code/User/settings.json"))
        #expect(!paths.contains(VSCodeThemeRenderer.desktopSettingsPath))
        #expect(paths.contains(".zshrc"))
    }

    /// bash 4 features macOS's /bin/bash (3.2) lacks, as they would appear in a script.
    static let bash4Only: [(String, String)] = [
        ("declare -A", "associative arrays"), ("local -A", "associative arrays"), ("typeset -A", "associative arrays"),
        ("mapfile", "mapfile"), ("readarray", "readarray"), (",,}", "lower-casing expansion"), ("^^}", "upper-casing expansion"),
        ("declare -n", "namerefs"), ("local -n", "namerefs"), ("[[ -v ", "[[ -v ]]"), ("&>>", "&>>"), ("|&", "|&"),
        ("coproc", "coproc"), (";&", "case fall-through"), ("globstar", "globstar"), ("wait -n", "wait -n"),
        ("declare -g", "declare -g"), ("${EPOCH", "EPOCHSECONDS"),
    ]

    @Test func theShellScriptIsForBash32() throws {
        let (plan, _) = try plan()
        let script = ShellEmitter().emit(plan)
        // The theme files' contents (zsh, vim, tmux) are data inside single quotes, not bash code.
        let code = script.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        let found = Self.bash4Only.filter { code.contains($0.0) && !Self.onlyInQuotedData($0.0, script) }
        #expect(found.isEmpty, "bash 4 features in the Mac script: \(found.map(\.1))")
        #expect(!script.contains("  rig_require_root '"))
        #expect(script.contains("RIGCTL_UV_HOME=\"${RIGCTL_UV_HOME:-/Users/Shared/rigctl/uv}\""))
        #expect(script.contains("rig_brew_bundle_check \"${contents_1}\" || rig_fail"))

        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mac-studio.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let syntax = try #require(try PlanTools.run("bash", ["-n", file.path]))
        #expect(syntax.status == 0, "bash -n: \(syntax.output)")
        let lint = try #require(try PlanTools.run("shellcheck", ["--severity=style", "--shell=bash", file.path]))
        #expect(lint.status == 0, "shellcheck:\n\(lint.output)")
    }

    /// Whether every occurrence of `needle` is inside a step's single-quoted file contents.
    static func onlyInQuotedData(_ needle: String, _ script: String) -> Bool {
        var outside = ""
        var quoted = false
        for character in script {
            if character == "'" { quoted.toggle(); continue }
            if !quoted { outside.append(character) }
        }
        return !outside.contains(needle)
    }

    @Test func theBash4CheckCanFail() {
        let script = "#!/usr/bin/env bash\ndeclare -A seen\nx='mapfile is data here'\n"
        #expect(Self.onlyInQuotedData("mapfile", script))
        #expect(!Self.onlyInQuotedData("declare -A", script))
    }

    @Test func thePlaybookRunsAsTheUserAndBrewBundleOnlyWhenTheCheckFails() throws {
        let (plan, _) = try plan()
        let playbook = AnsibleEmitter().emit(plan, inInventory: false)
        #expect(playbook.contains("  become: false\n"))
        #expect(!playbook.contains("become: true"))
        #expect(playbook.contains("rigctl_uv_home: \"/Users/Shared/rigctl/uv\""))
        #expect(playbook.contains("          - \"check\"\n          - \"--no-upgrade\"\n          - \"--file=-\"\n        stdin: !unsafe |\n"))
        #expect(playbook.contains("      when: >-\n        rigctl_brew_check.rc != 0\n      changed_when: true\n"))
        #expect(!playbook.contains("community.general"))
    }
}
