import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan

/// Plan → an Ansible playbook for one machine: fully qualified `ansible.builtin` modules only,
/// no `shell`, so every task's `changed` comes from the module itself. The one exception is uv,
/// which has no module: its `command` tasks run only when uv's own offline dry run says they would
/// change something, and report `changed` exactly then.
/// Dotfiles go to the connecting user's home (`become: false`); everything else runs as root. A Mac's
/// play runs as the user throughout (`become: false`): Homebrew refuses root, and nothing else on a Mac
/// plan needs it. Homebrew has no builtin module, so `brew bundle` runs through `ansible.builtin.command`
/// after `brew bundle check` said it must, and reports `changed` exactly then (community.general.homebrew
/// would add a collection for what one command does).
package struct AnsibleEmitter: Sendable {
    /// The package manager the tasks install with (`SystemPackageManager+Ansible.swift`); a plan's playbook takes its system's.
    package var packages: SystemPackageManager

    package init(packages: SystemPackageManager = .apt) { self.packages = packages }

    var updateCacheHandler: String { "Update the \(packages.name) cache" }
    static let restartGPUSettingsHandler = "Restart GPU settings"
    static let rebootHandler = "Reboot notice"
    static let initramfsHandler = "Rebuild the initramfs notice"
    static let amdgpuRebootHandler = "Reboot notice for amdgpu"
    /// The play variable that names the user `rocm-groups` adds to the GPU groups: the connecting user by default.
    static let userVariable = "rigctl_user"
    static let restartDockerHandler = "Restart docker"
    /// The registered result of `uname -r` the ROCm step installs kernel packages for.
    static let kernelReleaseVariable = "rigctl_kernel_release"

    /// The playbook text for `playbooks/<machine>.yml`.
    /// - Parameter inInventory: whether the machine has `ssh:` and so is a host of `inventory.yml`.
    package func emit(_ plan: Plan, inInventory: Bool) -> String {
        String(decoding: emitBytes(plan, inInventory: inInventory), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes (`audit` compares them with the committed file's).
    package func emitBytes(_ plan: Plan, inInventory: Bool) -> [UInt8] {
        withEmittedBytes(plan, inInventory: inInventory) { Array($0) }
    }

    /// The same bytes, lent to `body` without a copy.
    func withEmittedBytes<R>(_ plan: Plan, inInventory: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let play = AnsibleEmitter(packages: plan.os.systemPackages).parts(plan)
        // The play as `YAMLWriter` writes `.list([play(plan)])`, but the dotfile tasks (most of its bytes)
        // written straight from their files, without a node tree (`DotfileTaskWriter`; the tests hold
        // the two to the same bytes).
        return YAMLWriter.withDocumentBytes(header: header(plan, inInventory: inInventory), { writer in
            writer.out.append("- ")
            for (index, (name, value)) in play.head.enumerated() {
                if index > 0 { writer.out.appendSpaces(2) }
                writer.writeEntry(name, value, indent: 2)
            }
            writer.out.appendSpaces(2)
            if play.tasks.isEmpty {
                writer.writeEntry("tasks", .list([]), indent: 2)
            } else {
                writer.appendKey("tasks")
                writer.out.append(0x3A)
                writer.endLine()
                for task in play.tasks {
                    switch task {
                    case .node(let node):
                        writer.out.appendSpaces(4)
                        writer.writeItem(node, indent: 4)
                    case .dotfile(let file, let tags):
                        writer.writeDotfileTasks(file, tags: tags, indent: 4)
                    }
                }
            }
            if !play.handlers.isEmpty {
                writer.out.appendSpaces(2)
                writer.writeEntry("handlers", .list(play.handlers), indent: 2)
            }
        }, body)
    }

    /// The comment lines the playbook starts with.
    func header(_ plan: Plan, inInventory: Bool) -> [String] {
        let run = inInventory
            ? "ansible-playbook -i playbooks/inventory.yml playbooks/\(plan.machine).yml"
            : "ansible-playbook -i \(plan.machine), -c local playbooks/\(plan.machine).yml (on the machine: its spec has no ssh:)"
        return [
            // The file name only: the same text wherever rigctl runs from.
            "Converges the machine \(plan.machine) to its spec, \(plan.specFile.split(separator: "/").last.map(String.init) ?? plan.specFile).",
            "Written by `rigctl generate`; do not edit, change the spec instead.",
            "Run: " + run,
        ]
    }

    func play(_ plan: Plan) -> YAMLNode {
        let play = AnsibleEmitter(packages: plan.os.systemPackages).parts(plan)
        var tasks: [YAMLNode] = []
        tasks.reserveCapacity(play.tasks.count * 2)
        for task in play.tasks {
            switch task {
            case .node(let node): tasks.append(node)
            case .dotfile(let file, let tags): appendDotfileTasks(file, tags: tags, to: &tasks)
            }
        }
        var entries = play.head
        entries.append(("tasks", .list(tasks)))
        if !play.handlers.isEmpty { entries.append(("handlers", .list(play.handlers))) }
        return .map(entries)
    }

    /// One machine's play in pieces: its entries before `tasks`, its tasks (each dotfile's still a file), its handlers.
    struct PlayParts {
        enum Task {
            case node(YAMLNode)
            /// The tasks that install one theme file (`appendDotfileTasks`), tagged.
            case dotfile(RenderedFile, tags: YAMLNode)
        }

        var head: [(String, YAMLNode)]
        var tasks: [Task]
        var handlers: [YAMLNode]
    }

    private func parts(_ plan: Plan) -> PlayParts {
        var tasks: [PlayParts.Task] = []
        tasks.reserveCapacity(plan.steps.count * 4)
        var handlers: Set<String> = []
        for step in plan.steps {
            // One tag list per step, shared by its tasks.
            let tags = YAMLNode.list([.string(step.id)])
            if case .dotfiles(let files) = step.kind {
                for file in files { tasks.append(.dotfile(file, tags: tags)) }
                continue
            }
            var stepTasks = self.tasks(for: step, handlers: &handlers)
            for index in stepTasks.indices {
                stepTasks[index].appendTags(tags)
                tasks.append(.node(stepTasks[index]))
            }
        }
        var entries: [(String, YAMLNode)] = [
            ("name", .string("Converge \(plan.machine)")),
            ("hosts", .string(plan.machine)),
            ("become", .bool(plan.os.profile.platform == .linux)),
            ("gather_facts", .bool(false)),
        ]
        var variables: [(String, YAMLNode)] = []
        if plan.steps.contains(where: { if case .dotfiles = $0.kind { true } else { false } }) {
            // Override with -e rigctl_home=/home/someone to theme another user's home.
            variables.append((Self.homeVariable, .string("~")))
        }
        if plan.steps.contains(where: { if case .userGroups = $0.kind { true } else { false } }) {
            // Override with -e rigctl_user=someone; run locally (-c local), the user who runs ansible-playbook.
            variables.append((Self.userVariable, .string("{{ ansible_user | default(lookup('ansible.builtin.env', 'USER')) }}")))
        }
        if plan.steps.contains(where: { if case .pythonEnvironment = $0.kind { true } else { false } }) {
            variables.append((Self.uvHomeVariable, .string(PythonEnvironment.uvHome(on: plan.os.profile.platform))))
        }
        if !variables.isEmpty { entries.append(("vars", .map(variables))) }
        let handlerTasks = handlers.isEmpty ? [] : handlerDefinitions().filter { handlers.contains($0.name) }.map(\.task)
        return PlayParts(head: entries, tasks: tasks, handlers: handlerTasks)
    }

    private func handlerDefinitions() -> [(name: String, task: YAMLNode)] {
        [
            (updateCacheHandler, task(updateCacheHandler, packages.ansibleModule, packages.ansibleUpdateCacheArguments)),
            (Self.restartGPUSettingsHandler, task(Self.restartGPUSettingsHandler, "ansible.builtin.systemd_service", [
                ("name", .string(GPUSettingsUnit.unitName)), ("state", .word("restarted")), ("daemon_reload", .bool(true)),
            ])),
            (Self.amdgpuRebootHandler, task(Self.amdgpuRebootHandler, "ansible.builtin.debug", [
                ("msg", .string("The amdgpu kernel driver changed: reboot this machine to load it.")),
            ])),
            (Self.rebootHandler, task(Self.rebootHandler, "ansible.builtin.debug", [
                ("msg", .string("The NVIDIA driver changed: reboot this machine to load it.")),
            ])),
            (Self.restartDockerHandler, task(Self.restartDockerHandler, "ansible.builtin.systemd_service", [
                ("name", .string("docker")), ("state", .word("restarted")),
            ])),
            // No ansible.builtin module runs update-initramfs; the shell script and `rigctl apply` do.
            (Self.initramfsHandler, task(Self.initramfsHandler, "ansible.builtin.debug", [
                ("msg", .string("nouveau is now blacklisted: run update-initramfs -u (or rigctl apply) and reboot.")),
            ])),
        ]
    }

    private func task(_ name: String, _ module: String, _ arguments: [(String, YAMLNode)], extra: [(String, YAMLNode)] = []) -> YAMLNode {
        var entries: [(String, YAMLNode)] = []
        entries.reserveCapacity(3 + extra.count)   // and the tag `appendTags` adds in place
        entries.append(("name", .string(name)))
        entries.append((module, .map(arguments)))
        entries += extra
        return .map(entries)
    }

    private func packageInstall(_ name: String, _ specifiers: [String], heldChange: Bool, extra: [(String, YAMLNode)] = []) -> YAMLNode {
        task(name, packages.ansibleModule, packages.ansibleInstallArguments(specifiers, heldChange: heldChange), extra: extra)
    }

    private func specifier(_ pin: AptPin) -> String { packages.versioned(pin.name, pin.versionGlob) }

    private func hold(_ names: [String], title: String? = nil) -> YAMLNode {
        let hold = packages.ansibleHold(names.count == 1 ? names[0] : "{{ item }}")
        let title = title ?? "Hold " + names.joined(separator: ", ") + " at the pinned version"
        return task(title, hold.module, hold.arguments,
                    extra: names.count == 1 ? [] : [("loop", .list(names.map(YAMLNode.string)))])
    }

    private func copy(_ name: String, _ file: SystemFile, notify: String? = nil) -> YAMLNode {
        task(name, "ansible.builtin.copy", [
            ("dest", .string(file.path)), ("content", .unsafeString(file.contents)),
            ("owner", .string("root")), ("group", .string("root")), ("mode", .string(file.mode)),
        ], extra: notify.map { [("notify", .string($0))] } ?? [])
    }

    private func flushHandlers(_ why: String) -> YAMLNode {
        .map([("name", .string(why)), ("ansible.builtin.meta", .word("flush_handlers"))])
    }

    func tasks(for step: Step, handlers: inout Set<String>) -> [YAMLNode] {
        switch step.kind {
        case .aptRepository(let repository):
            handlers.insert(updateCacheHandler)
            return [
                task(step.title, packages.ansibleModule, packages.ansibleInstallFileArguments(repository.keyringURL),
                     extra: [("notify", .string(updateCacheHandler))]),
                flushHandlers("\(updateCacheHandler) now when the repository was added"),
            ]

        case .aptPackages(let list):
            let pinned = list.filter { $0.version != nil }
            var tasks = [packageInstall(step.title, list.map { packages.versioned($0.name, $0.version) }, heldChange: !pinned.isEmpty)]
            if !pinned.isEmpty { tasks.append(hold(pinned.map(\.name))) }
            return tasks

        case .nvidiaDriver(let driver):
            handlers.insert(Self.rebootHandler)
            var tasks: [YAMLNode] = []
            if let preferences = driver.preferences {
                handlers.insert(updateCacheHandler)
                tasks.append(copy("Keep the NVIDIA driver at \(driver.constraint) (\(packages.name) preference)", preferences, notify: updateCacheHandler))
                tasks.append(flushHandlers("\(updateCacheHandler) now when the preference changed"))
            }
            var extra: [(String, YAMLNode)] = [("notify", .string(Self.rebootHandler))]
            if case .atLeast = driver.pinning, driver.source == .distributionArchive {
                tasks.append(task("Gather the installed packages", "ansible.builtin.package_facts", [("manager", .word(packages.ansibleFactsManager))]))
                extra.append(("when", .expression(branchAbsentExpression(driver))))
            }
            tasks.append(packageInstall(step.title, [specifier(driver.package)], heldChange: driver.package.hold, extra: extra))
            if driver.package.hold { tasks.append(hold([driver.package.name])) }
            return tasks

        case .cudaToolkit(let cuda):
            var tasks = [packageInstall(step.title, [specifier(cuda.package)], heldChange: cuda.package.hold)]
            if cuda.package.hold { tasks.append(hold([cuda.package.name])) }
            tasks.append(copy("Put CUDA \(cuda.release) on PATH for login shells", cuda.profileScript))
            return tasks

        case .rocmRepository(let rocm):
            handlers.insert(updateCacheHandler)
            let keyrings = String(rocm.keyring[..<(rocm.keyring.lastIndex(of: "/") ?? rocm.keyring.endIndex)])
            var tasks: [YAMLNode] = [
                task("Create \(keyrings)", "ansible.builtin.file", [
                    ("path", .string(keyrings)), ("state", .word("directory")), ("mode", .string("0755")),
                ]),
                task("Download AMD's ROCm signing key", "ansible.builtin.get_url", [
                    ("url", .string(ROCmInstall.keyURL)), ("dest", .string(rocm.keyring)), ("mode", .string("0644")),
                ], extra: [("notify", .string(updateCacheHandler))]),
            ]
            for file in rocm.repositoryFiles {
                tasks.append(copy("Write \(file.path)", file, notify: updateCacheHandler))
            }
            tasks.append(flushHandlers("\(updateCacheHandler) now when a repository changed"))
            return tasks

        case .rocmPackages(let rocm):
            handlers.insert(Self.amdgpuRebootHandler)
            let kernel = "{{ \(Self.kernelReleaseVariable).stdout }}"
            return [
                task("Read the running kernel release", "ansible.builtin.command", [("argv", .list([.string("uname"), .string("-r")]))],
                     extra: [("register", .string(Self.kernelReleaseVariable)), ("changed_when", .bool(false))]),
                packageInstall("Install the running kernel's headers and extra modules (DKMS builds amdgpu against them)",
                           rocm.kernelPackagePrefixes.map { $0 + kernel }, heldChange: false),
                packageInstall(step.title, rocm.packages.map(\.name), heldChange: true, extra: [("notify", .string(Self.amdgpuRebootHandler))]),
                hold(rocm.packages.filter(\.hold).map(\.name)),
            ]

        case .userGroups(let groups):
            return [task(step.title, "ansible.builtin.user", [
                ("name", .string("{{ \(Self.userVariable) }}")), ("groups", .list(groups.map(YAMLNode.string))), ("append", .bool(true)),
            ])]

        case .pythonEnvironment(let environment):
            return pythonTasks(environment, title: step.title)

        case .brewBundle(let brewfile):
            let quiet: [(String, YAMLNode)] = [("changed_when", .bool(false)), ("failed_when", .bool(false))]
            func brew(_ arguments: [String]) -> [(String, YAMLNode)] {
                [("argv", .list((["brew"] + arguments).map(YAMLNode.string))), ("stdin", .unsafeString(brewfile.text))]
            }
            return [
                task("Ask Homebrew whether the Brewfile's packages are installed (brew bundle check)", "ansible.builtin.command",
                     brew(Brewfile.checkArguments), extra: [("register", .string("rigctl_brew_check"))] + quiet),
                task(step.title, "ansible.builtin.command", brew(Brewfile.installArguments), extra: [
                    ("when", .expression(["rigctl_brew_check.rc != 0"])),
                    ("changed_when", .bool(true)),
                ]),
            ]

        case .aptHold(let names):
            return [hold(names, title: step.title)]

        case .modprobeBlacklist(let file):
            handlers.insert(Self.initramfsHandler)
            return [copy(step.title, file, notify: Self.initramfsHandler)]

        case .dkmsModules:
            return bashRepairTasks(step.title, functions: ShellPrelude.dkmsFunctions(packages),
                                   check: "rig_dkms_current /boot", fix: "rig_dkms_install_missing /boot", register: "rigctl_dkms_check")

        case .cudaDefault(let target):
            let arguments = " " + ShellQuote.quote(target.match.rawValue) + " " + ShellQuote.quote(target.release)
            return bashRepairTasks(step.title, functions: ShellPrelude.cudaDefaultFunctions(packages),
                                   check: "rig_cuda_default_is" + arguments, fix: "rig_cuda_default_set" + arguments,
                                   register: "rigctl_cuda_default_check")

        case .aptSource(let source):
            handlers.insert(updateCacheHandler)
            let directory = String(source.keyring[..<(source.keyring.lastIndex(of: "/") ?? source.keyring.endIndex)])
            return [
                task("Create \(directory)", "ansible.builtin.file", [
                    ("path", .string(directory)), ("state", .word("directory")), ("mode", .string("0755")),
                ]),
                // get_url without a checksum downloads only when the file is missing (force: false).
                task("Download the signing key of \(source.sources.path)", "ansible.builtin.get_url", [
                    ("url", .string(source.keyURL)), ("dest", .string(source.keyring)), ("mode", .string("0644")),
                ], extra: [("notify", .string(updateCacheHandler))]),
                copy(step.title, source.sources, notify: updateCacheHandler),
                flushHandlers("\(updateCacheHandler) now when the repository was added"),
            ]

        case .packagedService(let service):
            return [
                packageInstall(step.title, service.packages, heldChange: false),
                task("Enable and start \(service.unit)", "ansible.builtin.systemd_service", [
                    ("name", .string(service.unit)), ("enabled", .bool(true)), ("state", .word("started")),
                ]),
            ]

        case .groupMembers(let members):
            // ansible.builtin.user would create a missing user: getent fails the play on one instead.
            return members.users.flatMap { user -> [YAMLNode] in [
                task("Check that the user \(user) exists", "ansible.builtin.getent", [
                    ("database", .word("passwd")), ("key", .string(user)),
                ]),
                task("Add \(user) to the group \(members.group)", "ansible.builtin.user", [
                    ("name", .string(user)), ("groups", .list([.string(members.group)])), ("append", .bool(true)),
                ]),
            ] }

        case .dockerRuntime(let runtime):
            handlers.insert(Self.restartDockerHandler)
            let register = "rigctl_docker_runtimes"
            return [
                packageInstall("Install \(runtime.package)", [runtime.package], heldChange: false),
                task("Read docker's runtimes", "ansible.builtin.command", [
                    ("argv", .list([.string("docker"), .string("info"), .string("--format"), .unsafeString("{{json .Runtimes}}")])),
                ], extra: [("register", .word(register)), ("changed_when", .bool(false)), ("failed_when", .bool(false))]),
                task(step.title, "ansible.builtin.command", [("argv", .list(runtime.configure.map(YAMLNode.string)))], extra: [
                    ("when", .expression(["'\"\(runtime.runtime)\":' not in \(register).stdout"])),
                    ("changed_when", .bool(true)), ("notify", .string(Self.restartDockerHandler)),
                ]),
                flushHandlers("Restart docker now when its runtimes changed"),
            ]

        case .gpuSettings(let unit):
            handlers.insert(Self.restartGPUSettingsHandler)
            return [
                copy("Write the GPU settings unit (\(unit.summary))", unit.file, notify: Self.restartGPUSettingsHandler),
                task("Enable and start the GPU settings unit", "ansible.builtin.systemd_service", [
                    ("name", .string(GPUSettingsUnit.unitName)), ("enabled", .bool(true)),
                    ("state", .word("started")), ("daemon_reload", .bool(true)),
                ]),
            ]

        case .dotfiles(let files):
            var tasks: [YAMLNode] = []
            for file in files { appendDotfileTasks(file, tags: nil, to: &tasks) }
            return tasks

        case .hostname(let name):
            return [
                task(step.title, "ansible.builtin.hostname", [("name", .string(name))]),
                task("Map 127.0.1.1 to \(name) in /etc/hosts", "ansible.builtin.lineinfile", [
                    ("path", .string("/etc/hosts")), ("regexp", .string(#"^127\.0\.1\.1\s"#)), ("line", .string("127.0.1.1 \(name)")),
                ]),
            ]

        case .manual(let item):
            return [task(step.title, "ansible.builtin.debug", [
                ("msg", .string("Manual step: \(item.text). Ansible cannot set this; confirm it on the machine.")),
            ])]

        case .rebootNotice:
            // The reboot notice is the handler the driver task notifies.
            return []
        }
    }

    /// No `ansible.builtin` module runs dkms or update-alternatives: the script's own bash functions do, the
    /// check first (exit 0 done, 1 to do, anything else fails the task), the fix only when the check said 1,
    /// so a converged machine reports `changed=0` and the playbook, the script and `rigctl apply` agree.
    private func bashRepairTasks(_ title: String, functions: String, check: String, fix: String, register: String) -> [YAMLNode] {
        func bash(_ call: String) -> (String, YAMLNode) {
            ("argv", .list([.string("bash"), .string("-c"), .unsafeString("set -euo pipefail\n" + functions + "\n" + call + "\n")]))
        }
        return [
            task("Check: \(title)", "ansible.builtin.command", [bash(check)], extra: [
                ("register", .word(register)), ("changed_when", .bool(false)),
                ("failed_when", .expression(["\(register).rc not in [0, 1]"])),
            ]),
            task(title, "ansible.builtin.command", [bash(fix)], extra: [
                ("when", .expression(["\(register).rc == 1"])), ("changed_when", .bool(true)),
            ]),
        ]
    }

    /// The play variable that says where uv is installed (`PythonEnvironment.uvHome`).
    static let uvHomeVariable = "rigctl_uv_home"

    /// uv from PyPI with `pip`, then the environment and its packages with uv, each run only when
    /// the check before it (the interpreter's version, uv's offline dry run) says it is needed.
    private func pythonTasks(_ environment: PythonEnvironment, title: String) -> [YAMLNode] {
        let uv = "{{ \(Self.uvHomeVariable) }}/bin/uv"
        let quiet: [(String, YAMLNode)] = [("changed_when", .bool(false)), ("failed_when", .bool(false))]
        func argv(_ words: [String]) -> (String, YAMLNode) { ("argv", .list(words.map(YAMLNode.string))) }
        var tasks: [YAMLNode] = [
            task("Install uv \(PythonEnvironment.uvVersion) from PyPI", "ansible.builtin.pip", [
                ("name", .string("uv==\(PythonEnvironment.uvVersion)")),
                ("virtualenv", .string("{{ \(Self.uvHomeVariable) }}")),
                ("virtualenv_command", .string("python3 -m venv")),
            ]),
            task("Read the interpreter version of \(environment.path)", "ansible.builtin.command", [
                argv([environment.interpreter, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]),
            ], extra: [("register", .string("rigctl_python_version"))] + quiet),
            task("Make the environment \(environment.path) (Python \(environment.version))", "ansible.builtin.command", [
                argv([uv, "venv", "--clear", "--python", environment.version, environment.path]),
            ], extra: [
                ("when", .expression(["rigctl_python_version.rc != 0 or not (rigctl_python_version.stdout == \(Self.jinjaString(environment.version)) or rigctl_python_version.stdout.startswith(\(Self.jinjaString(environment.version + "."))))"])),
                ("changed_when", .bool(true)),
            ]),
        ]
        if !environment.requirements.isEmpty {
            tasks.append(task("Ask uv whether the packages of \(environment.path) are current (offline dry run)", "ansible.builtin.command", [
                argv([uv, "pip", "install", "--offline", "--dry-run"] + environment.installArguments),
            ], extra: [("register", .string("rigctl_python_check"))] + quiet))
            tasks.append(task(title, "ansible.builtin.command", [
                argv([uv, "pip", "install"] + environment.installArguments),
            ], extra: [
                ("when", .expression(["rigctl_python_check.rc != 0 or 'Would make no changes' not in rigctl_python_check.stderr"])),
                ("changed_when", .bool(true)),
            ]))
        }
        return tasks
    }

    /// A Jinja string literal of text the spec's patterns already limit to digits and dots.
    private static func jinjaString(_ text: String) -> String { "'" + text + "'" }

    /// The play variable that says whose home the dotfiles go to: the connecting user's by default.
    static let homeVariable = "rigctl_home"

    /// `{{ rigctl_home }}`: the dotfiles' home.
    static let home = "{{ \(homeVariable) }}"
    private static let asUser: [(String, YAMLNode)] = [("become", .bool(false))]
    static let keepBackupsPrefix = "Keep \(ThemeInstaller.backupsKept) backups of ~/"
    static let keepBackupsLoopSuffix = ".files | sort(attribute='mtime'))[1:-\(ThemeInstaller.backupsKept - 1)] }}"
    /// The subtrees every dotfile's tasks share, built once.
    private static let removeItem: YAMLNode = .map([("path", .string("{{ item.path }}")), ("state", .word("absent"))])
    private static let itemPathLabel: YAMLNode = .map([("label", .string("{{ item.path }}"))])

    /// A dotfile task's entries in one array with room for its tag.
    private static func dotfileTask(_ name: String, _ module: String, _ arguments: [(String, YAMLNode)], extra: [(String, YAMLNode)], tags: YAMLNode?) -> YAMLNode {
        var entries: [(String, YAMLNode)] = []
        entries.reserveCapacity(3 + extra.count)
        entries.append(("name", .string(name)))
        entries.append((module, .map(arguments)))
        entries.append(contentsOf: extra)
        if let tags { entries.append(("tags", tags)) }
        return .map(entries)
    }

    /// `0` and the octal digits of a file mode (`ShellEmitter.octal`), the usual ones without formatting.
    static func modeText(_ mode: Int) -> String {
        switch mode {
        case 0o644: "0644"
        case 0o600: "0600"
        case 0o755: "0755"
        case 0o700: "0700"
        default: "0" + ShellEmitter.octal(mode)
        }
    }

    /// Whole files with `copy`, blocks with `blockinfile` between the theme's own markers (so the
    /// script and `rigctl apply` find the same block), settings merged by rigctl's own module; each
    /// tagged with `tags` when given.
    private func appendDotfileTasks(_ file: RenderedFile, tags: YAMLNode?, to tasks: inout [YAMLNode]) {
        let home = Self.home
        let path = StringConcatenation.of(home, "/", file.path)
        let slash = Self.lastSlash(file.path)
        // The file's directory, `{{ rigctl_home }}/<dir>` (the home itself for a file at its top).
        var directory = home
        if let slash {
            let relative = String(file.path[..<slash])
            directory = StringConcatenation.of(home, "/", relative)
            tasks.append(Self.dotfileTask(StringConcatenation.of("Create ~/", relative), "ansible.builtin.file", [
                ("path", .string(directory)), ("state", .word("directory")), ("mode", .string("0755")),
            ], extra: Self.asUser, tags: tags))
        }
        let mode = Self.modeText(file.mode)
        switch file.installation {
        case .wholeFile(let text):
            tasks.append(Self.dotfileTask(StringConcatenation.of("Write ~/", file.path), "ansible.builtin.copy", [
                ("dest", .string(path)), ("content", .unsafeString(text)), ("mode", .string(mode)), ("backup", .bool(true)),
            ], extra: Self.asUser, tags: tags))
        case .managedBlock(let block):
            if !block.newFilePreamble.isEmpty {
                tasks.append(Self.dotfileTask(StringConcatenation.of("Start a new ~/", file.path, " with the defaults it would lose"), "ansible.builtin.copy", [
                    ("dest", .string(path)), ("content", .unsafeString(block.newFilePreamble)), ("mode", .string(mode)), ("force", .bool(false)),
                ], extra: Self.asUser, tags: tags))
            }
            // No mode: a new file gets the umask's and an existing one keeps its own, as in the shell script.
            tasks.append(.commented(Self.dotfileTask(StringConcatenation.of("Write the rigctl block in ~/", file.path), "ansible.builtin.blockinfile", [
                ("path", .string(path)), ("block", .unsafeString(block.body)),
                ("marker", .string(StringConcatenation.of(block.commentLeader, " {mark} rigctl theme {mark}"))),
                ("marker_begin", .string(">>>")), ("marker_end", .string("<<<")),
                ("prepend_newline", .bool(true)), ("create", .bool(true)), ("backup", .bool(true)),
            ], extra: Self.asUser, tags: tags), "noqa: risky-file-permissions"))
        case .jsonSettings(let edit):
            // The module beside the playbooks (library/, written by `rigctl generate`): the same merge as
            // `rigctl apply`, changed exactly when the file's bytes change.
            var settings: [(String, YAMLNode)] = []
            settings.reserveCapacity(edit.settings.count)
            for setting in edit.settings { settings.append((setting.key, .string(setting.value))) }
            tasks.append(Self.dotfileTask(StringConcatenation.of("Merge the colours into ~/", file.path), JSONCSettingsModule.name, [
                ("path", .string(path)), ("key", .string(edit.key)),
                ("settings", .map(settings)),
                ("mode", .string(mode)), ("backup", .bool(true)),
            ], extra: Self.asUser, tags: tags))
        }
        appendPruneBackupTasks(file, directory: directory, slash: slash, tags: tags, to: &tasks)
    }

    /// Ansible's backups (`<file>.<pid>.<yyyy-mm-dd@hh:mm:ss>~`) of one dotfile, bounded as rigctl's own are
    /// (`ThemeInstaller.backupsKept`): the oldest (the user's original) and the newest others stay, by mtime,
    /// which the backup keeps from the file it copied (`shutil.copy2`).
    private func appendPruneBackupTasks(_ file: RenderedFile, directory: String, slash: String.Index?, tags: YAMLNode?, to tasks: inout [YAMLNode]) {
        let name = slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
        let register = StringConcatenation.of("rigctl_backups_", Self.variableName(file.path))
        tasks.append(Self.dotfileTask(StringConcatenation.of("Find Ansible's backups of ~/", file.path), "ansible.builtin.find", [
            ("paths", .string(directory)),
            ("patterns", .string(StringConcatenation.of("^", Self.regexEscaped(name), "\\.[0-9]+\\.[0-9-]+@[0-9:]+~$"))),
            ("use_regex", .bool(true)), ("hidden", .bool(true)),
        ], extra: [("register", .word(register)), ("become", .bool(false))], tags: tags))
        var keep: [(String, YAMLNode)] = []
        keep.reserveCapacity(tags == nil ? 5 : 6)
        keep.append(("name", .string(StringConcatenation.of(Self.keepBackupsPrefix, file.path, ": the first and the newest"))))
        keep.append(("ansible.builtin.file", Self.removeItem))
        keep.append(("loop", .string(StringConcatenation.of("{{ (", register, Self.keepBackupsLoopSuffix))))
        keep.append(("loop_control", Self.itemPathLabel))
        keep.append(("become", .bool(false)))
        if let tags { keep.append(("tags", tags)) }
        tasks.append(.map(keep))
    }

    /// `path.lastIndex(of: "/")`, a byte at a time for an ASCII path (every theme file's): the Character
    /// search costs thousands of instructions a call, twice for each dotfile of every playbook.
    static func lastSlash(_ path: String) -> String.Index? {
        // In ASCII text (CR LF aside, which is no slash) every `/` byte is a Character of its own.
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.lastIndex(of: "/") }
        return path.utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    /// `name` for a Python regular expression: ASCII letters and digits as they are, every other
    /// character after a backslash.
    static func regexEscaped(_ name: String) -> String {
        // Theme file names are ASCII: byte by byte (CR, which may pair with LF into one character, excepted).
        guard name.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "\\" + String($0) }.joined()
        }
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count * 2)
        for byte in name.utf8 {
            if !isASCIIAlphanumeric(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `path` lowercased, every character other than `a`-`z` and `0`-`9` as `_`: a play variable's name.
    static func variableName(_ path: String) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return String(path.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "_" })
        }
        let bytes = path.utf8.map { byte -> UInt8 in
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            let kept = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
            return kept ? lower : UInt8(ascii: "_")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// True when no installed `nvidia-driver-<n>[-open]` of the flavour has n ≥ the minimum branch.
    private func branchAbsentExpression(_ driver: NVIDIADriverInstall) -> [String] {
        let suffix = driver.flavor == .open ? "-open" : ""
        return [
            "ansible_facts.packages.keys()",
            "| select('match', '^nvidia-driver-[0-9]+\(suffix)$')",
            "| map('regex_replace', '^nvidia-driver-([0-9]+)\(suffix)$', '\\\\1')",
            "| map('int') | select('ge', \(driver.minimumBranch))",
            "| list | length == 0",
        ]
    }
}

extension YAMLNode {
    /// Every task carries its step id as a tag: `--tags dotfiles` or `--skip-tags hostname` pick steps
    /// as `rigctl plan` names them. Appended in place: `self` lets go of the entries first, so the
    /// append does not copy them.
    fileprivate mutating func appendTags(_ tags: YAMLNode) {
        switch self {
        case .map(var entries):
            self = .bool(false)
            entries.append(("tags", tags))
            self = .map(entries)
        case .commented(var inner, let comment):
            self = .bool(false)
            inner.appendTags(tags)
            self = .commented(inner, comment)
        default: return
        }
    }
}
