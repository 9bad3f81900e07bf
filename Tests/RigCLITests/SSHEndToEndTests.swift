import Foundation
import Testing

/// `rigctl … --ssh` for real, against a second machine made on this one: a fresh Debian root
/// filesystem (debootstrap, cached outside the repository) in its own network, mount, UTS and
/// PID namespaces, reached over a veth pair by its own sshd (`scripts/fresh-host`). It has no
/// Swift and no rigctl: the static release binary (`scripts/release`) is copied there by
/// rigctl itself. The ssh and scp on PATH are the system's, given the host's ssh_config (its
/// key, its known host key: strict checking stays on). A scaffolded repository (`rigctl new`)
/// gets the machine through `rigctl init --ssh`; then apply is cut off at its BIOS checklist
/// (the theme already installed), resumed to convergence, run again with nothing to do;
/// snapshot brings the facts back; the generated playbook reinstalls the removed theme over
/// SSH and `rigctl diff --ssh` and `apply --ssh` then find nothing to do.
@Suite(.serialized) struct SSHEndToEndTests {
    let fileManager = FileManager.default
    static let script = Repo.root + "/scripts/fresh-host"

    /// The static release binary scripts/release wrote, when there is one.
    static var releaseBinary: String? {
        let directory = Repo.root + "/.build/release-dist"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("rigctl-") && $0.hasSuffix("-linux-x86_64") }.sorted()
        return names.last.map { directory + "/" + $0 }
    }

    /// Why this machine cannot run the test, or nil.
    static var unavailable: String? {
        if getuid() != 0 { return "the SSH end-to-end test makes network namespaces and a chroot: run the tests as root (CI does)" }
        for tool in ["debootstrap", "ip", "unshare", "ssh", "scp", "ssh-keygen", "script"] where Subprocess.find(tool) == nil && Subprocess.find("/usr/sbin/" + tool) == nil {
            return "\(tool) is not installed (scripts/test installs it)"
        }
        if releaseBinary == nil { return "no release binary in .build/release-dist: scripts/release builds it (scripts/test does, as root)" }
        return nil
    }

    @Test(.enabled(if: unavailable == nil, Comment(rawValue: unavailable ?? "")))
    func applyOverSSHConvergesAFreshDebian() throws {
        try MachineStateLock.holding { try overSSH() }
    }

    private func overSSH() throws {
        let binary = try #require(Self.releaseBinary)
        let work = try Subprocess.temporaryDirectory("rigctl-ssh-e2e")
        let host = work + "/host"
        let repo = work + "/repo"
        defer {
            _ = try? Subprocess.run(Self.script, ["stop", host])
            try? fileManager.removeItem(atPath: work)
        }
        let started = try Subprocess.run(Self.script, ["start", host, "fresh-box"])
        try #require(started.status == 0, "the fresh host did not start: \(started.output)")
        let root = host + "/root"
        let home = root + "/home/rig"

        // The user's own ssh and scp from PATH, with the host's config (as ~/.ssh/config would give it).
        let bin = work + "/bin"
        try fileManager.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for tool in ["ssh", "scp"] {
            let real = try #require(Subprocess.find(tool))
            try "#!/bin/sh\nexec \(real) -F \(host)/ssh_config \"$@\"\n".write(toFile: "\(bin)/\(tool)", atomically: true, encoding: .utf8)
            try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/\(tool)")
        }
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let env = ["PATH": path, "NO_COLOR": "1"]
        func rigctl(_ arguments: [String], input: String? = nil) throws -> Subprocess.Result {
            try Subprocess.run(Subprocess.rigctl, arguments, in: repo, environment: env, input: input)
        }

        // A fresh machine: no Swift toolchain, no rigctl.
        let fresh = try Subprocess.run("chroot", [root, "/bin/sh", "-c", "command -v swift || command -v rigctl || ls /usr/lib/swift"])
        #expect(fresh.status != 0, "\(fresh.output)")

        // 1. A repository of one's own passes audit as created, and again once init --ssh added the machine.
        let created = try Subprocess.run(Subprocess.rigctl, ["new", repo])
        try #require(created.status == 0, "\(created.output)")
        #expect(try rigctl(["audit"]).status == 0)
        let initialized = try rigctl(["init", "--ssh", "fresh-box", "--remote-binary", binary, "--output", "machines/fresh-box.yaml"])
        #expect(initialized.status == 0, "\(initialized.output)")
        let starter = try String(contentsOfFile: repo + "/machines/fresh-box.yaml", encoding: .utf8)
        #expect(starter.contains("hostname: \"fresh-box\"\nssh: { host: \"fresh-box\" }\n"), "\(starter)")
        #expect(starter.contains("os: { distro: \"debian\", release: \"12\" }"), "\(starter)")
        #expect(try rigctl(["generate"]).status == 0)
        let audited = try rigctl(["audit"])
        #expect(audited.status == 0, "\(audited.output)")
        #expect(try leftovers(root).isEmpty)

        // The spec the rest runs: a shared stack of packages the fresh machine has, a BIOS item, a theme.
        try "packages:\n  apt: [bash, openssh-server]\n".write(toFile: repo + "/machines/stacks/fresh.yaml", atomically: true, encoding: .utf8)
        try """
            # yaml-language-server: $schema=schema.json
            version: 1
            include: [stacks/fresh.yaml]
            hostname: fresh-box
            os: { distro: debian, release: "12" }
            ssh: { host: fresh-box, user: rig }
            bios:
              settings:
                xmp: profile-1
            theme: { background: "#0b2540", foreground: "#e6eef7", accent: "#4aa3ff" }

            """.write(toFile: repo + "/machines/fresh-box.yaml", atomically: true, encoding: .utf8)
        #expect(try rigctl(["generate"]).status == 0)
        let apply = ["apply", "fresh-box", "--ssh", "--remote-binary", binary]

        // 2. Cut off mid-apply: the theme is in, the BIOS question waits; the connection dies.
        let cut = try applyCutAtChecklist(apply, repo: repo, environment: env, host: host)
        #expect(cut.status == 1, "\(cut.output)")
        #expect(cut.output.contains("[1/4] Install 2 apt packages"), "\(cut.output)")
        #expect(cut.output.contains("the connection to rig@fresh-box failed or was lost"), "\(cut.output)")
        #expect(fileManager.fileExists(atPath: home + "/.config/rigctl/theme.sh"))
        #expect(!fileManager.fileExists(atPath: repo + "/build-logs/fresh-box/facts.json"))

        // 3. Resumed from a terminal, as a person runs it: ssh -t gives the remote a TTY (ssh says
        // "Connection to … closed." only for a session with one), the BIOS item is confirmed there;
        // it converges, the remote names its build log as the desk does, and the log comes back.
        let resumed = try inTerminal(apply, repo: repo, path: path, answering: "is this done: BIOS: set xmp")
        #expect(resumed.status == 0, "\(resumed.output)")
        #expect(resumed.output.contains("Connection to ") && resumed.output.contains(" closed."), "\(resumed.output)")
        #expect(resumed.output.contains("build log: build-logs/fresh-box/"), "\(resumed.output)")
        #expect(resumed.output.contains("converged: 1 step run"), "\(resumed.output)")
        #expect(resumed.output.contains("brought back: build-logs/fresh-box/facts.json"), "\(resumed.output)")
        var logs = try fileManager.contentsOfDirectory(atPath: repo + "/build-logs/fresh-box").filter { $0.hasSuffix("-apply.md") }
        #expect(logs.count == 1, "\(logs)")
        let log = try String(contentsOfFile: repo + "/build-logs/fresh-box/" + (logs.first ?? "?"), encoding: .utf8)
        #expect(log.contains("| result | **converged** |"), "\(log)")
        #expect(log.contains("machines/fresh-box.yaml"), "\(log)")
        let facts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo + "/build-logs/fresh-box/facts.json"))) as? [String: Any]
        #expect((facts?["hostname"] as? [String: Any])?["value"] as? String == "fresh-box", "\(String(describing: facts?["hostname"]))")

        // 4. Nothing left to do, the confirmation known from the build log that went over with the spec.
        let noop = try rigctl(apply + ["--yes"])
        #expect(noop.status == 0, "\(noop.output)")
        #expect(noop.output.contains("0 steps run: fresh-box already matches its spec"), "\(noop.output)")
        logs = try fileManager.contentsOfDirectory(atPath: repo + "/build-logs/fresh-box").filter { $0.hasSuffix("-apply.md") }
        #expect(logs.count == 2, "\(logs)")

        // 5. snapshot --ssh brings the facts back; the repository audits clean with them.
        let snapshot = try rigctl(["snapshot", "fresh-box", "--ssh", "--remote-binary", binary])
        #expect(snapshot.status == 0, "\(snapshot.output)")
        #expect(snapshot.output.contains("brought back: build-logs/fresh-box/facts.json"), "\(snapshot.output)")
        let clean = try rigctl(["audit"])
        #expect(clean.status == 0, "\(clean.output)")

        // 6. The theme gone again, the generated playbook puts it back over the same SSH; rigctl agrees.
        let skeleton = try String(contentsOfFile: root + "/etc/skel/.bashrc", encoding: .utf8)
        try skeleton.write(toFile: home + "/.bashrc", atomically: false, encoding: .utf8)
        try fileManager.removeItem(atPath: home + "/.config/rigctl")
        let dry = try rigctl(apply + ["--dry-run"])
        #expect(dry.status == 1, "\(dry.output)")
        #expect(dry.output.contains("would run"), "\(dry.output)")
        let ansible = try Subprocess.run("ansible-playbook", ["-i", "playbooks/inventory.yml", "playbooks/fresh-box.yml", "--tags", "dotfiles"],
                                         in: repo, environment: env.merging([
                                            "ANSIBLE_NOCOLOR": "1", "ANSIBLE_RETRY_FILES_ENABLED": "0",
                                            "ANSIBLE_LOCAL_TEMP": work + "/ansible-tmp", "ANSIBLE_SSH_CONTROL_PATH_DIR": work + "/ansible-cp",
                                         ]) { $1 })
        #expect(ansible.status == 0, "\(ansible.output)")
        #expect(!ansible.output.contains("changed=0"), "\(ansible.output)")
        let diff = try rigctl(["diff", "fresh-box", "--ssh", "--remote-binary", binary])
        #expect(diff.status == 0, "\(diff.output)")
        let after = try rigctl(apply + ["--yes"])
        #expect(after.status == 0, "\(after.output)")
        #expect(after.output.contains("0 steps run"), "\(after.output)")

        // Every run removed its private directory on the remote.
        #expect(try leftovers(root).isEmpty)
    }

    /// The remote's rigctl temporary directories still there.
    private func leftovers(_ root: String) throws -> [String] {
        try fileManager.contentsOfDirectory(atPath: root + "/tmp").filter { $0.hasPrefix("rigctl.") }
    }

    /// Runs rigctl `arguments` on a pseudo-terminal (util-linux `script`), as from a person's shell;
    /// answers "y" once `question` shows. Carriage returns are taken out of what it said.
    private func inTerminal(_ arguments: [String], repo: String, path: String, answering question: String) throws -> Subprocess.Result {
        let quoted = ([Subprocess.rigctl] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        let result = try converse(try #require(Subprocess.find("script")), ["-qec", quoted.joined(separator: " "), "/dev/null"],
                                  in: repo, environment: environment, until: question) { input in
            try? input.write(contentsOf: Data("y\n".utf8))
        }
        return Subprocess.Result(status: result.status, output: result.output.replacingOccurrences(of: "\r", with: ""))
    }

    /// Runs `arguments` with stdin held open until the BIOS question shows, then cuts every SSH
    /// connection to the host (`fresh-host cut`), and returns what rigctl said and its status.
    private func applyCutAtChecklist(_ arguments: [String], repo: String, environment: [String: String], host: String) throws -> Subprocess.Result {
        try converse(Subprocess.rigctl, arguments, in: repo, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                     until: "is this done: BIOS: set xmp") { _ in
            let cut = try Subprocess.run(Self.script, ["cut", host])
            #expect(cut.status == 0, "\(cut.output)")
        }
        // Had the cut missed, the question reads end of input and the run ends on its own.
    }

    /// Runs `executable` with its standard input held open until `question` shows in its output, then
    /// `act`s (only if it was asked), closes the input and returns all it said and its status.
    private func converse(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
                          until question: String, act: (FileHandle) throws -> Void) throws -> Subprocess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        var seen = Data()
        let asked = Data(question.utf8)
        while seen.range(of: asked) == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }   // it ended before asking: the caller's expectations say how
            seen.append(chunk)
        }
        if seen.range(of: asked) != nil { try act(input.fileHandleForWriting) }
        try? input.fileHandleForWriting.close()
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return Subprocess.Result(status: process.terminationStatus, output: String(decoding: seen, as: UTF8.self))
    }
}
