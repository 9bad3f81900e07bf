import Foundation
import Testing

/// `rigctl apply` for real on the machine the tests run on (Debian or Ubuntu, as root): a spec for
/// this host asking for one apt package (from a local repository) and a theme (into a temporary
/// HOME). A failing step first, then the resumed run, then a run with nothing to do; then the
/// generated playbook does the same with `ansible-playbook -c local`, twice.
@Suite(.serialized) struct ApplyEndToEndTests {
    let fileManager = FileManager.default

    /// hostname and os of this machine, as the spec must say them.
    static func thisHost() throws -> (hostname: String, distro: String, release: String) {
        let hostname = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var fields: [String: String] = [:]
        for line in try String(contentsOfFile: "/etc/os-release", encoding: .utf8).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = line[line.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return (hostname, fields["ID"] ?? "?", fields["VERSION_ID"] ?? "?")
    }

    @Test(.enabled(if: getuid() == 0, "the end-to-end apply installs a package and adds an apt source: run the tests as root (CI does)"))
    func applyConvergesThisHostAndAnsibleAgrees() throws {
        try MachineStateLock.holding { try convergeThisHost() }
    }

    private func convergeThisHost() throws {
        let host = try Self.thisHost()
        let repo = try Subprocess.temporaryDirectory("rigctl-e2e-repo")
        let home = try Subprocess.temporaryDirectory("rigctl-e2e-home")
        let apt = try LocalAptRepository()
        defer {
            apt.remove()
            try? fileManager.removeItem(atPath: repo)
            try? fileManager.removeItem(atPath: home)
        }
        try LocalAptRepository.purge()
        try fileManager.createDirectory(atPath: repo + "/machines", withIntermediateDirectories: true)
        try """
            version: 1
            hostname: "\(host.hostname)"
            os: { distro: \(host.distro), release: "\(host.release)" }
            packages:
              apt: [\(LocalAptRepository.package)]
            theme:
              background: "#0b2540"
              foreground: "#e6eef7"
              accent: "#4aa3ff"

            """.write(toFile: repo + "/machines/this-host.yaml", atomically: true, encoding: .utf8)
        let userBashrc = "alias ll='ls -l'\n"
        try userBashrc.write(toFile: home + "/.bashrc", atomically: true, encoding: .utf8)
        let apply = ["apply", "--yes", "--repo", repo, "--home", home, "--lock-file", repo + "/apply.lock"]

        // 1. The package is not published yet: the apt step fails, the run stops before the theme.
        let failed = try Subprocess.run(Subprocess.rigctl, apply)
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.output.contains("[1/3] Install 1 apt package"), "\(failed.output)")
        #expect(failed.output.contains("Unable to locate package \(LocalAptRepository.package)"), "\(failed.output)")
        #expect(failed.output.contains("failed at apt-packages"), "\(failed.output)")
        #expect(try String(contentsOfFile: home + "/.bashrc", encoding: .utf8) == userBashrc)
        #expect(!fileManager.fileExists(atPath: home + "/.config"))

        // 2. Published: the next apply resumes and converges.
        try apt.publish()
        let converged = try Subprocess.run(Subprocess.rigctl, apply)
        #expect(converged.status == 0, "\(converged.output)")
        #expect(converged.output.contains("converged: 2 steps run"), "\(converged.output)")
        #expect(try LocalAptRepository.isInstalled())
        let bashrc = try String(contentsOfFile: home + "/.bashrc", encoding: .utf8)
        #expect(bashrc.hasPrefix(userBashrc + "\n# >>> rigctl theme >>>\n"), "\(bashrc)")
        #expect(fileManager.fileExists(atPath: home + "/.vim/colors/rigctl-this-host.vim"))

        // 3. Nothing left to do: zero steps run, and it says so.
        let noop = try Subprocess.run(Subprocess.rigctl, apply)
        #expect(noop.status == 0, "\(noop.output)")
        #expect(noop.output.contains("0 steps run: this-host already matches its spec (3 checked"), "\(noop.output)")

        // The build logs: one per run, readable, listed by `rigctl log`.
        let logs = try fileManager.contentsOfDirectory(atPath: repo + "/build-logs/this-host").filter { $0.hasSuffix(".md") }.sorted()
        #expect(logs.count == 3, "\(logs)")
        let listed = try Subprocess.run(Subprocess.rigctl, ["log", "this-host", "--repo", repo])
        #expect(listed.status == 0, "\(listed.output)")
        #expect(listed.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
            == ["failed", "converged", "converged"], "\(listed.output)")
        let failedLog = try String(contentsOfFile: repo + "/build-logs/this-host/" + logs[0], encoding: .utf8)
        #expect(failedLog.contains("| 1 | Install 1 apt package (`apt-packages`) | failed |"), "\(failedLog)")
        #expect(failedLog.contains("| 2 | Install 11 dotfiles (theme) (`dotfiles`) | not run |"), "\(failedLog)")
        #expect(failedLog.contains("Output of `apt-packages`:"))
        let secondLog = try String(contentsOfFile: repo + "/build-logs/this-host/" + logs[1], encoding: .utf8)
        #expect(secondLog.contains("| result | **converged** |"))
        #expect(secondLog.contains("| `packages.apt[0]` | missing | \(LocalAptRepository.package) |"), "\(secondLog)")
        #expect(secondLog.contains("## Drift after\n\nNone: the machine matched its spec."), "\(secondLog)")
        let facts = try Data(contentsOf: URL(fileURLWithPath: repo + "/build-logs/this-host/facts.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: facts) as? [String: Any])
        #expect(json["hostname"] != nil, "\(json.keys.sorted())")

        // 4. The generated playbook, for real: it installs the package again and writes the same theme
        //    files into another HOME; a second run changes nothing, and apply then finds nothing to do.
        try LocalAptRepository.purge()
        let ansibleHome = try Subprocess.temporaryDirectory("rigctl-e2e-ansible-home")
        defer { try? fileManager.removeItem(atPath: ansibleHome) }
        try userBashrc.write(toFile: ansibleHome + "/.bashrc", atomically: true, encoding: .utf8)
        let generate = try Subprocess.run(Subprocess.rigctl, ["generate", "--repo", repo])
        #expect(generate.status == 0, "\(generate.output)")
        // The hostname already is the spec's; its task is skipped only because CI containers have no systemd.
        let playbook = ["-i", "this-host,", "-c", "local", "--skip-tags", "hostname",
                        "-e", "ansible_python_interpreter={{ ansible_playbook_python }}", "-e", "rigctl_home=\(ansibleHome)",
                        repo + "/playbooks/this-host.yml"]
        let environment = ["ANSIBLE_NOCOLOR": "1", "ANSIBLE_RETRY_FILES_ENABLED": "0", "ANSIBLE_LOCAL_TEMP": repo + "/.ansible-tmp"]
        let first = try Subprocess.run("ansible-playbook", playbook, environment: environment)
        #expect(first.status == 0, "\(first.output)")
        #expect(!first.output.contains("changed=0"), "\(first.output)")
        #expect(try LocalAptRepository.isInstalled())
        let second = try Subprocess.run("ansible-playbook", playbook, environment: environment)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("changed=0"), "\(second.output)")
        #expect(try String(contentsOfFile: ansibleHome + "/.bashrc", encoding: .utf8) == bashrc)
        let afterAnsible = try Subprocess.run(Subprocess.rigctl, ["apply", "--yes", "--repo", repo, "--home", ansibleHome,
                                                                  "--lock-file", repo + "/apply.lock"])
        #expect(afterAnsible.output.contains("0 steps run"), "\(afterAnsible.output)")
    }
}
