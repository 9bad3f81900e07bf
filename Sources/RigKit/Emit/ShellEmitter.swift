import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan

/// Plan → a bash script: `set -euo pipefail`, the helpers, one `step_<id>` function per step that
/// returns early when its guard holds, and a `main` that runs them in order. Every value is
/// single-quoted by `ShellQuote`, so running the script twice changes nothing the second time.
package struct ShellEmitter: Sendable {
    /// The package manager the step functions install with (`SystemPackageManager+Shell.swift`): a whole
    /// plan's script takes its system's; `rigctl apply` names the machine's for its one-step scripts.
    package var packages: SystemPackageManager

    package init(packages: SystemPackageManager = .apt) { self.packages = packages }

    package func emit(_ plan: Plan) -> String {
        ShellEmitter(packages: plan.os.systemPackages).script(plan)
    }

    private func script(_ plan: Plan) -> String {
        var out = """
            #!/usr/bin/env bash
            # Converges the machine \(plan.machine) to \(plan.specFile).
            # Written by `rigctl plan \(plan.machine) --format shell`; do not edit, change the spec instead.
            # Every step checks first and does nothing when the machine already matches.
            set -euo pipefail


            """
        out += ShellPrelude.text(for: plan.steps, packages: packages)
        for step in plan.steps {
            out += "\n" + function(for: step)
        }
        out += "\nmain() {\n"
        for step in plan.steps {
            out += "  \(functionName(step))\n"
        }
        out += "}\n\nmain \"$@\"\n"
        return out
    }

    /// A standalone script for `rigctl apply`: the helpers and this step's function, run once,
    /// with stderr folded into stdout so a failure reads in order.
    package func runScript(_ step: Step) -> String {
        standalone(function(for: step), calling: functionName(step), step: step)
    }

    /// A standalone script that exits 0 when the step's guard holds and 1 when it does not,
    /// changing nothing: the same conditions the step function checks first.
    package func checkScript(_ step: Step) -> String {
        var body = ShellFunctionBody()
        if case .dotfiles = step.kind { body.assign("home", command: "rig_home") }
        platformSettings(step, in: &body)
        body.line("if \(condition(step.check, in: &body)); then")
        body.line("  return 0")
        body.line("fi")
        body.line("return 1")
        let name = "check_" + functionName(step).dropFirst("step_".count)
        return standalone("\(name)() {\n\(body.text)}\n", calling: name, step: step)
    }

    private func standalone(_ function: String, calling name: String, step: Step) -> String {
        "set -euo pipefail\nexec 2>&1\n\n" + ShellPrelude.text(for: [step], packages: packages) + "\n" + function + "\n\(name)\n"
    }

    func functionName(_ step: Step) -> String {
        "step_" + step.id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    private func function(for step: Step) -> String {
        var body = ShellFunctionBody()
        if case .manual = step.kind {
            let word = step.status == .done ? "ok" : "manual"
            body.line("echo \(ShellQuote.quote("\(word): \(step.title)"))")
        } else if case .rebootNotice = step.kind {
            body.line("if \(condition(step.check, in: &body)); then")
            body.line("  echo \(ShellQuote.quote("ok: \(step.title)"))")
            body.line("  return 0")
            body.line("fi")
            body.line("echo \(ShellQuote.quote("reboot: the installed NVIDIA kernel module is not the loaded one; reboot to load it"))")
        } else {
            if case .dotfiles = step.kind {
                body.assign("home", command: "rig_home")
                body.assign("RIG_OWNER", command: "rig_owner")
            }
            platformSettings(step, in: &body)
            let guardCondition = condition(step.check, in: &body)
            body.line("if \(guardCondition); then")
            body.line("  echo \(ShellQuote.quote("ok: \(step.title)"))")
            body.line("  return 0")
            body.line("fi")
            if step.needsRoot { body.line("rig_require_root \(ShellQuote.quote(step.id))") }
            action(step.kind, in: &body)
            body.line("echo \(ShellQuote.quote("done: \(step.title)"))")
        }
        let fixes = step.fixes.isEmpty ? "" : " Fixes: \(step.fixes.map(\.rawValue).joined(separator: ", "))."
        return "# \(step.title).\(fixes)\n\(functionName(step))() {\n\(body.text)}\n"
    }

    /// On a Mac uv lives where the user may write (`PythonEnvironment.macUVHome`), unless RIGCTL_UV_HOME says otherwise.
    private func platformSettings(_ step: Step, in body: inout ShellFunctionBody) {
        if case .pythonEnvironment(let environment) = step.kind, let home = environment.platformUVHome {
            // The path is a constant of letters and slashes: no quoting inside ${:-}, where bash keeps quotes.
            body.local("RIGCTL_UV_HOME", "\"${RIGCTL_UV_HOME:-\(home)}\"")
        }
    }

    private func condition(_ check: StepGuard, in body: inout ShellFunctionBody) -> String {
        switch check {
        case .all(let guards):
            return guards.map { condition($0, in: &body) }.joined(separator: " \\\n    && ")
        case .packagesInstalled(let pins):
            return pins.map { pin in
                var words = ["rig_package_installed", ShellQuote.quote(pin.name)]
                if let glob = pin.versionGlob { words.append(ShellQuote.quote(glob)) }
                if pin.hold { words.append("hold") }
                return words.joined(separator: " ")
            }.joined(separator: " \\\n    && ")
        case .driverBranchInstalled(let flavor, let minimumBranch):
            return "rig_driver_branch_installed \(ShellQuote.quote(flavor.rawValue)) \(minimumBranch)"
        case .packageAtLeast(let name, let minimum):
            return "rig_package_at_least \(ShellQuote.quote(name)) \(ShellQuote.quote(minimum))"
        case .fileContents(let file):
            return "rig_file_current \(ShellQuote.quote(file.path)) \"${\(body.contents(of: file.path, file.contents))}\""
        case .fileExists(let path):
            return "[[ -s \(ShellQuote.quote(path)) ]]"
        case .userInGroups(let groups):
            return "rig_user_in_groups " + groups.map(ShellQuote.quote).joined(separator: " ")
        case .dotfilesCurrent(let files):
            return files.map { file in
                let path = homePath(file)
                switch file.installation {
                case .wholeFile(let text):
                    return "rig_file_current \(path) \"${\(body.contents(of: file.path, text))}\""
                case .managedBlock(let block):
                    return "rig_block_current \(path) \(blockArguments(file.path, block, in: &body))"
                case .jsonSettings:
                    // JSON with comments cannot be merged in bash: the script only creates a missing file.
                    return "[[ -e \(path) ]]"
                }
            }.joined(separator: " \\\n    && ")
        case .dkmsModulesCurrent:
            return "rig_dkms_current /boot"
        case .cudaDefault(let target):
            return "rig_cuda_default_is \(ShellQuote.quote(target.match.rawValue)) \(ShellQuote.quote(target.release))"
        case .usersInGroup(let members):
            return "rig_in_group " + ([members.group] + members.users).map(ShellQuote.quote).joined(separator: " ")
        case .dockerRuntime(let runtime):
            return "rig_docker_runtime \(ShellQuote.quote(runtime))"
        case .unitActive(let unit):
            return "rig_unit_active \(ShellQuote.quote(unit))"
        case .hostnameIs(let name):
            return "rig_hostname_is \(ShellQuote.quote(name))"
        case .driverModuleLoaded:
            return "rig_driver_module_loaded"
        case .pythonEnvironmentCurrent(let environment):
            return "rig_python_env_current " + ([environment.version] + environment.installArguments).map(ShellQuote.quote).joined(separator: " ")
        case .brewBundleSatisfied(let brewfile):
            return "rig_brew_bundle_check \"${\(body.contents(of: "Brewfile", brewfile.text))}\""
        case .confirmedByPerson:
            return "false"
        }
    }

    private func action(_ kind: StepKind, in body: inout ShellFunctionBody) {
        switch kind {
        case .aptRepository(let repository):
            body.line(packages.updateCacheCommand)
            body.line("if ! command -v curl >/dev/null; then \(packages.installFunction) ca-certificates curl; fi")
            body.line("rig_mktemp /tmp/rigctl-cuda-keyring.deb")
            body.line("curl -fsSL --proto '=https' -o \"${RIG_TMP}\" \(ShellQuote.quote(repository.keyringURL))")
            body.line("\(packages.installFileCommand) \"${RIG_TMP}\"")
            body.line("rm -f -- \"${RIG_TMP}\"")
            body.line(packages.updateCacheCommand)
        case .aptPackages(let list):
            body.line(packages.updateCacheCommand)
            let loose = list.filter { $0.version == nil }
            let pinned = list.filter { $0.version != nil }
            if !loose.isEmpty {
                body.line("\(packages.installFunction) " + loose.map { ShellQuote.quote($0.name) }.joined(separator: " "))
            }
            if !pinned.isEmpty {
                body.line("\(packages.installFunction) \(packages.allowHeldChangeOption) " + pinned.map { ShellQuote.quote(packages.versioned($0.name, $0.version)) }.joined(separator: " "))
                body.line("\(packages.holdCommand) " + pinned.map { ShellQuote.quote($0.name) }.joined(separator: " "))
            }
        case .nvidiaDriver(let driver):
            if let preferences = driver.preferences {
                installSystemFile(preferences, in: &body)
            }
            body.line(packages.updateCacheCommand)
            install(driver.package, in: &body)
        case .cudaToolkit(let cuda):
            body.line(packages.updateCacheCommand)
            install(cuda.package, in: &body)
            installSystemFile(cuda.profileScript, in: &body)
        case .rocmRepository(let rocm):
            body.line(packages.updateCacheCommand)
            body.line("if ! command -v curl >/dev/null; then \(packages.installFunction) ca-certificates curl; fi")
            body.line("install -d -m 0755 \(ShellQuote.quote(parentDirectory(rocm.keyring)))")
            body.line("rig_mktemp \(ShellQuote.quote(rocm.keyring))")
            body.line("curl -fsSL --proto '=https' -o \"${RIG_TMP}\" \(ShellQuote.quote(ROCmInstall.keyURL))")
            body.line("chmod 644 \"${RIG_TMP}\"")
            body.line("mv -f -- \"${RIG_TMP}\" \(ShellQuote.quote(rocm.keyring))")
            for file in rocm.repositoryFiles { installSystemFile(file, in: &body) }
            body.line(packages.updateCacheCommand)
        case .rocmPackages(let rocm):
            body.line(packages.updateCacheCommand)
            body.line("\(packages.installFunction) " + rocm.kernelPackagePrefixes.map { "\"\($0)$(uname -r)\"" }.joined(separator: " "))
            // Held packages stay installable: a rerun after a release change moves them on purpose.
            body.line("\(packages.installFunction) \(packages.allowHeldChangeOption) " + rocm.packages.map { ShellQuote.quote($0.name) }.joined(separator: " "))
            let held = rocm.packages.filter(\.hold).map(\.name)
            if !held.isEmpty { body.line("\(packages.holdCommand) " + held.map(ShellQuote.quote).joined(separator: " ")) }
            body.line("echo 'reboot: the amdgpu kernel module was installed; reboot to load it'")
        case .userGroups(let groups):
            body.assign("user", command: "rig_user")
            body.line("usermod -a -G \(ShellQuote.quote(groups.joined(separator: ","))) \"${user}\"")
            body.line("echo \"the user ${user} joins the groups at the next login\"")
        case .pythonEnvironment(let environment):
            body.line("rig_uv_install \(ShellQuote.quote(PythonEnvironment.uvVersion))")
            body.line("if ! rig_python_is \(ShellQuote.quote(environment.interpreter)) \(ShellQuote.quote(environment.version)); then")
            body.line("  \"$(rig_uv)\" venv --clear --python \(ShellQuote.quote(environment.version)) \(ShellQuote.quote(environment.path))")
            body.line("fi")
            if !environment.requirements.isEmpty {
                body.line("\"$(rig_uv)\" pip install " + environment.installArguments.map(ShellQuote.quote).joined(separator: " "))
            }
        case .brewBundle(let brewfile):
            let contents = body.contents(of: "Brewfile", brewfile.text)
            body.line("rig_brew_bundle_install \"${\(contents)}\"")
            body.line("rig_brew_bundle_check \"${\(contents)}\" || rig_fail 'brew bundle ran, but brew bundle check still finds packages missing'")
        case .aptHold(let names):
            body.line("\(packages.holdCommand) " + names.map(ShellQuote.quote).joined(separator: " "))
        case .modprobeBlacklist(let file):
            installSystemFile(file, in: &body)
            body.line("if command -v update-initramfs >/dev/null; then update-initramfs -u; fi")
        case .dkmsModules:
            body.line("rig_dkms_install_missing /boot")
        case .cudaDefault(let target):
            body.line("rig_cuda_default_set \(ShellQuote.quote(target.match.rawValue)) \(ShellQuote.quote(target.release))")
        case .aptSource(let source):
            body.line("rig_download_key \(ShellQuote.quote(source.keyURL)) \(ShellQuote.quote(source.keyring))")
            installSystemFile(source.sources, in: &body)
            body.line(packages.updateCacheCommand)
        case .packagedService(let service):
            body.line(packages.updateCacheCommand)
            body.line("\(packages.installFunction) " + service.packages.map(ShellQuote.quote).joined(separator: " "))
            body.line("systemctl enable --now \(ShellQuote.quote(service.unit))")
        case .groupMembers(let members):
            for user in members.users {
                body.line("usermod -aG \(ShellQuote.quote(members.group)) \(ShellQuote.quote(user))")
            }
        case .dockerRuntime(let runtime):
            body.line(packages.updateCacheCommand)
            body.line("\(packages.installFunction) \(ShellQuote.quote(runtime.package))")
            body.line(runtime.configure.map(ShellQuote.quote).joined(separator: " "))
            body.line("systemctl restart docker")
        case .gpuSettings(let unit):
            installSystemFile(unit.file, in: &body)
            body.line("systemctl daemon-reload")
            body.line("systemctl enable \(ShellQuote.quote(GPUSettingsUnit.unitName))")
            body.line("systemctl restart \(ShellQuote.quote(GPUSettingsUnit.unitName))")
        case .dotfiles(let files):
            for file in files {
                switch file.installation {
                case .wholeFile(let text):
                    body.line("rig_install_file \(homePath(file)) \"${\(body.contents(of: file.path, text))}\" \(Self.octal(file.mode))")
                case .managedBlock(let block):
                    body.line("rig_install_block \(homePath(file)) \(blockArguments(file.path, block, in: &body))")
                case .jsonSettings(let edit):
                    body.line("rig_install_new_file \(homePath(file)) \"${\(body.contents(of: file.path, edit.freshDocument))}\" \(Self.octal(file.mode))")
                }
            }
        case .hostname(let name):
            body.line("rig_set_hostname \(ShellQuote.quote(name))")
        case .manual, .rebootNotice:
            break
        }
    }

    private func install(_ pin: AptPin, in body: inout ShellFunctionBody) {
        guard let glob = pin.versionGlob else {
            body.line("\(packages.installFunction) \(ShellQuote.quote(pin.name))")
            return
        }
        body.assign("version", command: "\(packages.versionFunction) \(ShellQuote.quote(pin.name)) \(ShellQuote.quote(glob))")
        body.line("\(packages.installFunction) \(packages.allowHeldChangeOption) \(packages.versionedArgument(pin.name, variable: "version"))")
        if pin.hold { body.line("\(packages.holdCommand) \(ShellQuote.quote(pin.name))") }
    }

    /// `/etc/apt/keyrings` for `/etc/apt/keyrings/rocm.asc`.
    private func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private func installSystemFile(_ file: SystemFile, in body: inout ShellFunctionBody) {
        body.line("rig_install_file \(ShellQuote.quote(file.path)) \"${\(body.contents(of: file.path, file.contents))}\" \(ShellQuote.quote(file.mode))")
    }

    private func homePath(_ file: RenderedFile) -> String {
        "\"${home}\"/\(ShellQuote.quote(file.path))"
    }

    /// `BEGIN END BODY PREAMBLE` for `rig_block_current` and `rig_install_block`: the theme's own markers,
    /// so the script, the playbook and `rigctl apply` all find and replace the same block.
    private func blockArguments(_ path: String, _ block: ManagedBlock, in body: inout ShellFunctionBody) -> String {
        var text = block.body
        if text.hasSuffix("\n") { text.removeLast() }
        return [ShellQuote.quote(block.beginMarker), ShellQuote.quote(block.endMarker),
                "\"${\(body.contents(of: path, text))}\"",
                block.newFilePreamble.isEmpty ? "''" : "\"${\(body.contents(of: path + " (preamble)", block.newFilePreamble))}\""]
            .joined(separator: " ")
    }

    /// `644` for `0o644`, as `chmod` takes it.
    static func octal(_ mode: Int) -> String { String(mode, radix: 8) }
}

/// The lines of one step function, with its locals declared at the top.
struct ShellFunctionBody {
    private var locals: [String] = []
    private var values: [String] = []
    private var lines: [String] = []
    private var contentNames: [String: String] = [:]

    mutating func line(_ text: String) { lines.append(text) }

    /// `local name` set to `value` (shell text, already quoted) before the other lines: functions the
    /// body calls see it too (bash's locals are dynamically scoped, bash 3.2 included).
    mutating func local(_ name: String, _ value: String) {
        if !locals.contains(name) { locals.append(name) }
        values.append("\(name)=\(value)")
    }

    /// `name="$(command)"` at this point of the body, on its own line so `set -e` sees a failure.
    mutating func assign(_ name: String, command: String) {
        if !locals.contains(name) { locals.append(name) }
        lines.append("\(name)=\"$(\(command))\"")
    }

    /// The name of a local that holds these file contents, assigned once at the top.
    mutating func contents(of path: String, _ contents: String) -> String {
        if let name = contentNames[path] { return name }
        let name = "contents_\(contentNames.count + 1)"
        contentNames[path] = name
        locals.append(name)
        // SC2016: `$` and backticks stay unexpanded on purpose; SC1003: a backslash before a quote is the file's own text.
        var disabled: [String] = []
        if contents.contains("$") || contents.contains("`") { disabled.append("SC2016") }
        if contents.contains("\\'") { disabled.append("SC1003") }
        if !disabled.isEmpty {
            values.append("# shellcheck disable=\(disabled.joined(separator: ",")) # file contents, written as they are")
        }
        values.append("\(name)=\(ShellQuote.quote(contents))")
        return name
    }

    var text: String {
        var out = locals.isEmpty ? "" : "  local " + locals.joined(separator: " ") + "\n"
        // Only the first line of an entry is indented: later lines may be inside a quoted value.
        for line in values + lines {
            out += "  " + line + "\n"
        }
        return out
    }
}
