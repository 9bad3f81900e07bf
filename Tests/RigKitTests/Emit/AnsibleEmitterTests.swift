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

@Suite struct AnsibleEmitterTests {
    /// The backup tasks' regex and variable names, written over bytes for ASCII names, are what the
    /// character rules give (non-ASCII names and CR LF, one character of two bytes, keep those rules).
    @Test func backupNamesFollowTheCharacterRules() {
        for name in [".bashrc", "config.fish", "nvim/init.lua", "Weird Name-1.TXT", "a+b(c)", "é.conf", "a\u{301}b", "x\r\ny", "ünï/CØDE", ""] {
            #expect(AnsibleEmitter.regexEscaped(name) == name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "\\" + String($0) }.joined(), "\(name)")
            #expect(AnsibleEmitter.variableName(name)
                == String(name.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "_" }), "\(name)")
        }
    }

    /// `emitBytes` writes the dotfile tasks straight from their files (`DotfileTaskWriter`): byte for byte
    /// what `YAMLWriter` writes for the play's node tree, for every example and committed machine with its own
    /// theme files, and for theme files of every kind with hostile paths, texts, keys and modes.
    @Test func playbookBytesAreThoseOfThePlayTree() throws {
        func check(_ plan: Plan, _ what: String) {
            let emitter = AnsibleEmitter()
            for inInventory in [true, false] {
                let tree = YAMLWriter.documentBytes(.list([emitter.play(plan)]), header: emitter.header(plan, inInventory: inInventory))
                let bytes = emitter.emitBytes(plan, inInventory: inInventory)
                #expect(bytes == tree, "\(what): \(String(decoding: bytes, as: UTF8.self).count) vs \(String(decoding: tree, as: UTF8.self).count) characters")
            }
        }
        let committed = try ["workstation", "compute-node", "big-rig", "dgx-spark", "rented-h100", "mac-studio", "rocm-desktop", "instinct-node"]
            .map(AuditSamples.machine)
        let specs = PlanExamples.all + committed + [PlanExamples.bigRigPinned, PlanExamples.rocmDesktop, PlanExamples.rocmNode]
        for spec in specs {
            let own = spec.theme == nil ? [] : try ThemeRenderer.render(spec)
            for dotfiles in [[], PlanExamples.dotfiles, own] { check(Planner().plan(spec: spec, dotfiles: dotfiles), spec.name) }
        }

        let hostile = GeneratedYAMLReadsBackTests.hostile
        let paths = [".bashrc", ".config/rigctl/theme.sh", "a/b/c/d.conf", "ünï/CØDE", "we\"ird\\/x y:z", "#/!x", "dir/ends\n",
                     "ends\n", "cr\r\nlf/x", "/abs", "trail/", "{{ x }}/y"]
        var files: [RenderedFile] = []
        for (index, text) in (hostile + hostile.map { $0 + "\n" }).enumerated() {
            let path = paths[index % paths.count]
            let mode = [0o644, 0o600, 0o755, 0o700, 0o751, 0o4755][index % 6]
            files.append(RenderedFile(path: path, mode: mode, installation: .wholeFile(text)))
            files.append(RenderedFile(path: path, mode: mode, installation: .managedBlock(ManagedBlock(
                commentLeader: hostile[(index + 1) % hostile.count], body: text, newFilePreamble: index % 2 == 0 ? "" : text))))
            files.append(RenderedFile(path: path, mode: mode, installation: .jsonSettings(JSONSettingsEdit(
                key: text, settings: index % 3 == 0 ? [] : [JSONSetting(key: text, value: hostile[(index + 2) % hostile.count]),
                                                            JSONSetting(key: "plain.key", value: text)]))))
        }
        check(Planner().plan(spec: PlanExamples.computeNode, dotfiles: files), "hostile dotfiles")
        // No tasks at all: `tasks: []`.
        var empty = Planner().plan(spec: PlanExamples.computeNode)
        empty.steps = []
        check(empty, "no steps")
        // Only dotfile tasks.
        var dotfilesOnly = Planner().plan(spec: PlanExamples.workstation, dotfiles: PlanExamples.dotfiles)
        dotfilesOnly.steps = dotfilesOnly.steps.filter { if case .dotfiles = $0.kind { true } else { false } }
        check(dotfilesOnly, "only dotfiles")
    }

    static func playbook(_ spec: MachineSpec, dotfiles: [RenderedFile] = []) -> String {
        AnsibleEmitter().emit(Planner().plan(spec: spec, dotfiles: dotfiles), inInventory: spec.ssh != nil)
    }

    @Test func goldenPlaybooksOfTheExampleMachines() throws {
        try PlanGolden.check(Self.playbook(PlanExamples.workstation, dotfiles: PlanExamples.dotfiles), "ansible/workstation.yml")
        try PlanGolden.check(Self.playbook(PlanExamples.computeNode), "ansible/compute-node.yml")
        try PlanGolden.check(Self.playbook(PlanExamples.bigRig), "ansible/big-rig.yml")
    }

    /// uv has no module: its commands are the only `command` tasks, each tagged with its step, each
    /// saying when it changes something (never for the checks) and run only when a check says so.
    @Test func uvCommandsAreGuardedByTheirChecks() {
        var spec = PlanExamples.computeNode
        spec.python = .init(version: "3.12", path: "/opt/ml/venv", packages: ["six"])
        let play = AnsibleEmitter().play(Planner().plan(spec: spec))
        guard case .map(let entries) = play, case .list(let tasks)? = entries.first(where: { $0.0 == "tasks" })?.1 else {
            Issue.record("no tasks")
            return
        }
        let commands = tasks.compactMap { task -> [(String, YAMLNode)]? in
            guard case .map(let fields) = task, fields.contains(where: { $0.0 == "ansible.builtin.command" }) else { return nil }
            return fields
        }
        // uv's four, and a check and a fix each for DKMS and /usr/local/cuda (no module runs dkms or update-alternatives).
        let tags = commands.compactMap { fields -> YAMLNode? in fields.first { $0.0 == "tags" }?.1 }
        #expect(tags == [.list([.string("dkms-modules")])] * 2 + [.list([.string("cuda-default")])] * 2
                + [.list([.string("python-environment")])] * 4)
        for fields in commands {
            let keys = fields.map(\.0)
            #expect(keys.contains("changed_when"), "\(keys)")
            #expect(keys.contains("when") || keys.contains("register"), "\(keys)")
        }
        #expect(Self.playbook(spec).contains("ansible.builtin.pip:\n        name: \"uv==\(PythonEnvironment.uvVersion)\""))
    }

    @Test func onlyFullyQualifiedBuiltinModulesAndNoShell() {
        var containers = PlanExamples.computeNode
        containers.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me"])
        for spec in PlanExamples.all + [containers] {
            let text = Self.playbook(spec, dotfiles: PlanExamples.dotfiles)
            let modules = text.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                guard trimmed.hasPrefix("ansible.") || trimmed.hasPrefix(JSONCSettingsModule.name + ":") else { return nil }
                return String(trimmed.prefix { $0 != ":" })
            }
            #expect(Set(modules).isSubset(of: [
                "ansible.builtin.apt", "ansible.builtin.meta", "ansible.builtin.package_facts", "ansible.builtin.dpkg_selections",
                "ansible.builtin.copy", "ansible.builtin.file", "ansible.builtin.blockinfile", "ansible.builtin.systemd_service",
                "ansible.builtin.hostname", "ansible.builtin.lineinfile", "ansible.builtin.debug", "ansible.builtin.find",
                "ansible.builtin.pip", "ansible.builtin.command",  // uv (python:), see uvCommandsAreGuardedByTheirChecks
                "ansible.builtin.get_url", "ansible.builtin.getent", "ansible.builtin.user",  // containers:
                JSONCSettingsModule.name,  // rigctl's own, in library/ beside the playbooks (ansible-lint: its canonical name)
            ]), "\(spec.name): \(modules)")
            #expect(!text.contains("ansible.builtin.shell"))
            #expect(text.contains("ansible.builtin.command") == (spec.python != nil))
        }
    }

    /// Every generated playbook, with a Debian machine and a pinned toolkit besides the examples,
    /// passes `ansible-playbook --syntax-check` and `ansible-lint` (production profile).
    @Test func playbooksPassSyntaxCheckAndAnsibleLint() throws {
        var debian = PlanExamples.computeNode
        debian.containers = .init(engine: .docker, nvidiaToolkit: false, dockerUsers: [])
        debian.name = "debian-node"
        debian.hostname = "debian-node"
        debian.ssh = .init(host: "debian-node.local")
        debian.os = .init(distro: .debian, release: "12")
        debian.drivers = .init(nvidia: .init(version: PlanExamples.constraint("570.124.06"), flavor: .proprietary),
                               cuda: PlanExamples.constraint("12.8.1"))
        var pinned = PlanExamples.bigRigPinned
        pinned.name = "big-rig-pinned"
        var python = PlanExamples.computeNode
        python.name = "python-node"
        python.hostname = "python-node"
        python.python = .init(version: "3.12", torch: .init(version: PlanExamples.constraint("2.7"), cuda: Version("12.8")),
                              packages: ["numpy", "accelerate>=1.0"])
        python.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me", "ci-runner"])
        // The committed arm64 (sbsa repository, NVIDIA-repository driver), rented (ssh:), Mac (brew bundle, no become)
        // and ROCm (RX 7900 XTX desktop, MI210 node) examples, and PlanExamples' ROCm 6.1 node.
        let specs = PlanExamples.all + [debian, pinned, python, try AuditSamples.machine("dgx-spark"), try AuditSamples.machine("rented-h100"), try AuditSamples.machine("mac-studio"),
                                        try AuditSamples.machine("rocm-desktop"), try AuditSamples.machine("instinct-node"), PlanExamples.rocmNode]
        let temporary = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        // Named like the repository's directory: ansible-lint decides file kinds by path.
        let directory = temporary.appendingPathComponent("playbooks")
        try PlaybookGenerator(dotfiles: { $0.name == "workstation" ? PlanExamples.dotfiles : [] }).write(specs, to: directory.path, system: LiveSystem())

        let syntax = try #require(try PlanTools.run("ansible-playbook", ["-i", "inventory.yml", "--syntax-check", "site.yml", "workstation.yml", "rocm-desktop.yml", "instinct-node.yml", "rocm-node.yml", "mac-studio.yml"],
                                                    in: directory, environment: ansibleEnvironment(directory)))
        #expect(syntax.status == 0, "\(syntax.output)")
        let lint = try #require(try PlanTools.run("ansible-lint", ["--offline", "--profile", "production", "--nocolor", "."],
                                                  in: directory, environment: ansibleEnvironment(directory)))
        #expect(lint.status == 0, "\(lint.output)")
    }

    /// Runs the dotfiles tasks for real against a temporary HOME, twice: the second run changes
    /// nothing, and the files equal what the shell script writes.
    @Test func dotfilesPlayRunsLocallyAndIsIdempotent() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try "alias ll='ls -l'\n".write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        let spec = PlanExamples.workstation
        let plan = Planner().plan(spec: spec, dotfiles: PlanExamples.dotfiles)
        let dotfilesOnly = Plan(machine: plan.machine, specFile: plan.specFile, os: plan.os, steps: plan.steps.filter { $0.id == "dotfiles" })
        let playbook = home.appendingPathComponent("play.yml")
        try AnsibleEmitter().emit(dotfilesOnly, inInventory: false).write(to: playbook, atomically: true, encoding: .utf8)
        // The settings module beside the playbook, as `rigctl generate` writes it.
        try FileManager.default.createDirectory(at: home.appendingPathComponent("library"), withIntermediateDirectories: true)
        try JSONCSettingsModule.source.write(to: home.appendingPathComponent(JSONCSettingsModule.path), atomically: true, encoding: .utf8)

        let arguments = ["-i", "workstation,", "-c", "local", "-e", "ansible_python_interpreter={{ ansible_playbook_python }}",
                         "-e", "rigctl_home=\(home.path)", playbook.path]
        var environment = ansibleEnvironment(home)
        environment["HOME"] = home.path
        // Eight backups earlier runs left (Ansible's names, a day apart): with the one this run makes, the
        // oldest and the newest four stay.
        let day = 86_400.0
        let backupNames = (1...8).map { ".bashrc.\(4000 + $0).2026-01-0\($0)@10:00:00~" }
        for (index, name) in backupNames.enumerated() {
            let url = home.appendingPathComponent(name)
            try "old \(index)\n".write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -day * Double(10 - index))], ofItemAtPath: url.path)
        }
        let first = try #require(try PlanTools.run("ansible-playbook", arguments, in: home, environment: environment))
        #expect(first.status == 0, "\(first.output)")
        #expect(!first.output.contains("changed=0"), "\(first.output)")
        let backups = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix(".bashrc.") && $0.hasSuffix("~") }
        #expect(backups.count == 5, "\(backups.sorted())")
        #expect(Set(backups).isSuperset(of: [backupNames[0]] + backupNames.suffix(3)), "the first and the newest stay: \(backups.sorted())")
        let second = try #require(try PlanTools.run("ansible-playbook", arguments, in: home, environment: environment))
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("changed=0"), "\(second.output)")

        // The same bytes the installer (and so `rigctl apply`) writes: the block after the user's lines.
        let bashrc = try String(contentsOf: home.appendingPathComponent(".bashrc"), encoding: .utf8)
        #expect(bashrc == (try PlanExamples.dotfile(".bashrc").installedText(over: "alias ll='ls -l'\n")))
        for file in PlanExamples.dotfiles where file.path != ".bashrc" {
            let text = try String(contentsOf: home.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.freshContents, "\(file.path)")
        }

        // The shell script finds the same files already in place.
        let script = ShellEmitter().emit(dotfilesOnly).replacingOccurrences(of: "\nmain \"$@\"\n", with: "\nstep_dotfiles\n")
        let file = home.appendingPathComponent("run.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let shell = try #require(try PlanTools.run("bash", [file.path], environment: ["HOME": home.path, "SUDO_USER": ""]))
        #expect(shell.output == "ok: Install \(PlanExamples.dotfiles.count) dotfiles (theme)\n", "\(shell.output)")
    }

    private func ansibleEnvironment(_ directory: URL) -> [String: String] {
        [
            "ANSIBLE_LOCAL_TEMP": directory.appendingPathComponent(".ansible-tmp").path,
            "ANSIBLE_REMOTE_TEMP": directory.appendingPathComponent(".ansible-remote-tmp").path,
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
        ]
    }
}

private func * (list: [YAMLNode], count: Int) -> [YAMLNode] { Array(repeating: list, count: count).flatMap { $0 } }
