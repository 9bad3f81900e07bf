import Foundation
import Testing

/// `rigctl apply` refusals and the dry run, with the built binary; none of these change the machine.
@Suite struct ApplyCommandTests {
    let fileManager = FileManager.default

    /// A repository with one spec for this host (no packages, a theme), or for `hostname`.
    func repository(hostname: String? = nil) throws -> String {
        let host = try ApplyEndToEndTests.thisHost()
        let repo = try Subprocess.temporaryDirectory("rigctl-apply-cli")
        try fileManager.createDirectory(atPath: repo + "/machines", withIntermediateDirectories: true)
        try """
            version: 1
            hostname: "\(hostname ?? host.hostname)"
            os: { distro: \(host.distro), release: "\(host.release)" }
            theme: { background: "#0f2a1d", foreground: "#e3f2e8", accent: "#3ddc84" }

            """.write(toFile: repo + "/machines/box.yaml", atomically: true, encoding: .utf8)
        return repo
    }

    @Test func anotherHostsSpecIsRefusedWithoutForce() throws {
        let repo = try repository(hostname: "not-this-machine")
        defer { try? fileManager.removeItem(atPath: repo) }
        let home = repo + "/home"
        let result = try Subprocess.run(Subprocess.rigctl, ["apply", "box", "--yes", "--repo", repo, "--home", home,
                                                            "--lock-file", repo + "/lock"])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains(", but machines/box.yaml is for 'not-this-machine'; nothing was changed"), "\(result.output)")
        #expect(result.output.contains("run again with --force"), "\(result.output)")
        #expect(!fileManager.fileExists(atPath: home))
        #expect(!fileManager.fileExists(atPath: repo + "/build-logs"))
    }

    @Test func withoutAMachineTheHostnamePicksTheSpec() throws {
        let repo = try repository(hostname: "not-this-machine")
        defer { try? fileManager.removeItem(atPath: repo) }
        let result = try Subprocess.run(Subprocess.rigctl, ["apply", "--dry-run", "--repo", repo, "--lock-file", repo + "/lock"])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("no spec has hostname"), "\(result.output)")
    }

    @Test func aHeldLockRefusesASecondApply() throws {
        let repo = try repository()
        defer { try? fileManager.removeItem(atPath: repo) }
        // flock(1) holds the lock in another process while apply tries.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [repo + "/lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        var waited = 0
        while waited < 100, (try? Subprocess.run("flock", ["-n", repo + "/lock", "true"]).status) == 0 {
            usleep(20_000)   // until flock(1) has taken it
            waited += 1
        }
        let result = try Subprocess.run(Subprocess.rigctl, ["apply", "box", "--yes", "--repo", repo, "--home", repo + "/home",
                                                            "--lock-file", repo + "/lock"])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("another rigctl apply is running"), "\(result.output)")
        #expect(!fileManager.fileExists(atPath: repo + "/home"))
    }

    @Test func aDryRunWritesNothingAtAll() throws {
        let repo = try repository()
        defer { try? fileManager.removeItem(atPath: repo) }
        let home = repo + "/home"
        try fileManager.createDirectory(atPath: home, withIntermediateDirectories: true)
        let result = try Subprocess.run(Subprocess.rigctl, ["apply", "box", "--dry-run", "--force", "--repo", repo, "--home", home,
                                                            "--lock-file", repo + "/lock"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("would run: its check fails"), "\(result.output)")
        #expect(result.output.contains("dry run: 1 step would run (dotfiles)"), "\(result.output)")
        #expect(result.output.contains("; nothing was written"), "\(result.output)")
        #expect(try fileManager.contentsOfDirectory(atPath: home).isEmpty)
        #expect(try fileManager.contentsOfDirectory(atPath: repo).sorted() == ["home", "machines"], "no build log, facts.json or lock")
        let listed = try Subprocess.run(Subprocess.rigctl, ["log", "--repo", repo])
        #expect(listed.status == 0)
        #expect(listed.output == "no build logs in \(repo)/build-logs/ yet: rigctl apply writes them\n", "\(listed.output)")
    }

    @Test func theBIOSChecklistIsAskedOnTheTerminal() throws {
        let repo = try repository()
        defer { try? fileManager.removeItem(atPath: repo) }
        let spec = repo + "/machines/box.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8) + "bios:\n  settings: { xmp: profile-1, fan-curve: quiet }\n")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let home = repo + "/home"
        let arguments = ["apply", "box", "--repo", repo, "--home", home, "--lock-file", repo + "/lock"]
        let first = try Subprocess.run(Subprocess.rigctl, arguments, input: "y\nn\n")
        #expect(first.output.contains("is this done: BIOS: set xmp to profile-1? [y/N]"), "\(first.output)")
        #expect(first.status == 1, "fan-curve was declined: \(first.output)")
        #expect(first.output.contains("waiting for a person: bios-fan-curve"), "\(first.output)")
        // The next run asks only about what is still open.
        let second = try Subprocess.run(Subprocess.rigctl, arguments, input: "y\n")
        #expect(!second.output.contains("set xmp to profile-1?"), "\(second.output)")
        #expect(second.output.contains("is this done: BIOS: set fan-curve to quiet? [y/N]"), "\(second.output)")
        #expect(second.status == 0, "\(second.output)")
        let logs = try fileManager.contentsOfDirectory(atPath: repo + "/build-logs/box").filter { $0.hasSuffix(".md") }
        #expect(logs.count == 2)
        let last = try logs.map { try String(contentsOfFile: repo + "/build-logs/box/" + $0, encoding: .utf8) }
            .first { $0.contains("| result | **converged** |") } ?? ""
        #expect(last.contains("- [x] `xmp: profile-1` — confirmed in an earlier build log"), "\(last)")
        #expect(last.contains("- [x] `fan-curve: quiet` — confirmed\n"), "\(last)")
    }

    @Test func logWithoutLogsSaysSo() async throws {
        let repo = try Subprocess.temporaryDirectory("rigctl-log")
        defer { try? fileManager.removeItem(atPath: repo) }
        #expect(await exitCode(of: ["log", "--repo", repo]) == 2, "not a rig repository: no machines/")
        try fileManager.createDirectory(atPath: repo + "/machines", withIntermediateDirectories: true)
        #expect(await exitCode(of: ["log", "--repo", repo]) == 0, "a fresh repository has no logs yet")
        #expect(await exitCode(of: ["log", "nope", "--repo", Repo.root]) == 2)
    }
}
