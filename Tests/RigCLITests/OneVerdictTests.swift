import Foundation
import Testing
@testable import RigCLI

/// Every command runs the one pipeline: the same spec gives the same verdict and exit code
/// everywhere, a machine can be named by its spec path, and read-only commands cannot write.
@Suite struct OneVerdictTests {
    let files = FileManager.default

    /// A copy of the repository (machines, playbooks, build logs with recorded hosts) under Git.
    func gitRepository() throws -> String {
        let repo = try Repo.copy(playbooks: true)
        try files.copyItem(atPath: Repo.root + "/build-logs", toPath: repo + "/build-logs")
        let git = try Subprocess.run("bash", ["-c", "git init -q && git add -A && git -c user.name=t -c user.email=t@t.invalid commit -qm copy"], in: repo)
        try #require(git.status == 0, "\(git.output)")
        return repo
    }

    func gitStatus(_ repo: String) throws -> String {
        try Subprocess.run("git", ["status", "--porcelain", "--untracked-files=all"], in: repo).output
    }

    func host(_ repo: String, _ machine: String) -> String { repo + "/build-logs/\(machine)/recorded-host" }

    @Test func readOnlyCommandsAndADryRunLeaveTheRepositoryClean() async throws {
        let repo = try gitRepository()
        let home = try Subprocess.temporaryDirectory("rigctl-verdict-home")
        defer { try? files.removeItem(atPath: repo); try? files.removeItem(atPath: home) }
        let commands: [[String]] = [
            ["validate", "--repo", repo], ["validate", repo + "/machines", "--format", "json"], ["schema"],
            ["probe", "--replay", host(repo, "compute-node"), "--json"],
            ["diff", "compute-node", "--replay", host(repo, "compute-node"), "--repo", repo],
            ["diff", "--facts", repo + "/build-logs/big-rig/facts.json", "big-rig", "--repo", repo],
            ["plan", "compute-node", "--format", "shell", "--repo", repo],
            ["audit", "--repo", repo], ["audit", "--repo", repo, "--format", "junit"],
            ["generate", "--check", "--repo", repo], ["render", "workstation", "--repo", repo],
            ["log", "--repo", repo], ["init", "--replay", host(repo, "big-rig")], ["fit", "big-rig", "--repo", repo],
            ["apply", "compute-node", "--dry-run", "--force", "--yes", "--repo", repo, "--home", home, "--timeout", "20"],
        ]
        for command in commands {
            let run = await Rigctl.run(command)
            #expect(run.status <= 1, "\(command): \(run.stderr)")
            #expect(try gitStatus(repo) == "", "\(command.joined(separator: " ")) changed the repository")
        }
        #expect(try files.contentsOfDirectory(atPath: home).isEmpty, "the dry run wrote into the home")
    }

    @Test func snapshotRefusesAnotherHostsFacts() async throws {
        let repo = try gitRepository()
        defer { try? files.removeItem(atPath: repo) }
        let refused = await Rigctl.run(["snapshot", "compute-node", "--replay", host(repo, "big-rig"), "--repo", repo])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: this machine's hostname is 'big-rig', but machines/compute-node.yaml is for 'compute-node'; "
                + "nothing was written. If these are its facts all the same, run again with --force\n")
        #expect(try gitStatus(repo) == "")
        let forced = await Rigctl.run(["snapshot", "compute-node", "--replay", host(repo, "big-rig"), "--repo", repo, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try gitStatus(repo) == " M build-logs/compute-node/facts.json\n")
        let right = await Rigctl.run(["snapshot", "--replay", host(repo, "big-rig"), "--repo", repo])
        #expect(right.stdout == "wrote \(repo)/build-logs/big-rig/facts.json\n", "picked by the recorded hostname: \(right.stderr)")
    }

    @Test func aLowContrastThemeIsTheSameErrorInEveryCommand() async throws {
        let repo = try gitRepository()
        let home = try Subprocess.temporaryDirectory("rigctl-verdict-home")
        defer { try? files.removeItem(atPath: repo); try? files.removeItem(atPath: home) }
        let spec = repo + "/machines/compute-node.yaml"
        let text = try String(contentsOfFile: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "foreground: \"#e6eef7\"", with: "foreground: \"#0b2540\"").write(toFile: spec, atomically: true, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("foreground:") }) + 1
        // Relative (machines/…) or absolute, the same place and message.
        let expected = "compute-node.yaml:\(line):3: error: theme.foreground #0b2540 on theme.background #0b2540 has contrast 1.0:1; needs at least 4.5:1"
        let commands: [[String]] = [
            ["validate", "--repo", repo], ["generate", "--repo", repo], ["plan", "compute-node", "--repo", repo],
            ["diff", "compute-node", "--replay", host(repo, "compute-node"), "--repo", repo], ["audit", "--repo", repo],
            ["render", "compute-node", "--repo", repo],
            ["apply", "compute-node", "--dry-run", "--force", "--yes", "--repo", repo, "--home", home],
        ]
        for command in commands {
            let run = await Rigctl.run(command)
            #expect(run.status == 2, "\(command[0]): \(run.stdout) \(run.stderr)")
            #expect((run.stdout + run.stderr).components(separatedBy: expected).count == 2,
                    "\(command[0]) must report the theme error exactly once: \(run.stdout) \(run.stderr)")
            #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("valid compute-node") }, "\(command[0]): \(run.stdout)")
        }
        #expect(try gitStatus(repo) == " M machines/compute-node.yaml\n", "generate wrote nothing while a spec is invalid")
    }

    @Test func aSpecPathWorksWhereverAMachineDoes() async throws {
        let repo = try gitRepository()
        let home = try Subprocess.temporaryDirectory("rigctl-verdict-home")
        defer { try? files.removeItem(atPath: repo); try? files.removeItem(atPath: home) }
        let path = repo + "/machines/compute-node.yaml"
        let commands: [[String]] = [
            ["plan", path, "--repo", repo], ["diff", path, "--replay", host(repo, "compute-node"), "--repo", repo],
            ["render", path, "--repo", repo], ["theme", "preview", path, "--repo", repo],
            ["snapshot", path, "--replay", host(repo, "compute-node"), "--repo", repo],
            ["apply", path, "--dry-run", "--force", "--yes", "--repo", repo, "--home", home, "--timeout", "20"],
        ]
        for command in commands {
            let run = await Rigctl.run(command)
            #expect(run.status <= 1, "\(command[0]) \(path): \(run.stderr)")
        }
        let outside = await Rigctl.run(["plan", Repo.root + "/machines/compute-node.yaml", "--repo", repo])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains(": is not a machine spec in \(repo)/machines/"), "\(outside.stderr)")
    }

    @Test func oneSpecErrorIsOneError() async throws {
        let repo = try gitRepository()
        defer { try? files.removeItem(atPath: repo) }
        let spec = repo + "/machines/compute-node.yaml"
        let text = try String(contentsOfFile: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "hostname: compute-node", with: "hostname: [compute-node]").write(toFile: spec, atomically: true, encoding: .utf8)
        let audit = await Rigctl.run(["audit", "--repo", repo, "--format", "json"])
        #expect(audit.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? Int == 1)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect((diagnostics.first?["location"] as? [String: Any])?["file"] as? String == "machines/compute-node.yaml")
        let machines = try #require(document["machines"] as? [[String: Any]])
        let errors = machines.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "no stale-playbook errors for the invalid spec: \(errors)")
        let text2 = await Rigctl.run(["audit", "--repo", repo])
        #expect(text2.stdout.contains("7 machines: 1 spec problem, 0 errors"), "\(text2.stdout)")
    }

    @Test func unknownMachinesAreReportedOneWay() async throws {
        let expected = "error: no machine 'nope' in machines/ (machines: big-rig, compute-node, dgx-spark, instinct-node, mac-studio, rented-h100, rocm-desktop, workstation)\n"
        for command in [["plan", "nope"], ["diff", "nope"], ["render", "nope"], ["snapshot", "nope"], ["theme", "preview", "nope"], ["log", "nope"]] {
            let run = await Rigctl.run(command + ["--repo", Repo.root])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr == expected, "\(command)")
        }
    }

    @Test func machineNamesComplete() async throws {
        // What the bash, zsh and fish scripts of --generate-completion-script call; run from the repository.
        let run = await Rigctl.run(["---completion", "plan", "--", "positional@0", "0", "1", "c"])
        #expect(run.status == 0)
        #expect(run.stdout == "compute-node\n")
        for shell in ["bash", "zsh", "fish"] {
            #expect(await Rigctl.run(["--generate-completion-script", shell]).stdout.contains("---completion plan -- positional@0"), "\(shell)")
        }
    }

    @Test func usageErrorsAre64() async {
        #expect(await exitCode(of: ["probe", "--replay", "a", "--record", "b"]) == 64)
        #expect(await exitCode(of: ["diff", "--replay", "a", "--facts", "b"]) == 64)
        #expect(await exitCode(of: ["audit", "compute-node"]) == 64)
        #expect(await exitCode(of: ["plan", "--no-such-option"]) == 64)
    }
}
