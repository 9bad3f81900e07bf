import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigPlan
@testable import RigEmit

/// The container steps' bash (script, playbook checks and `rigctl apply` run the same functions), for real in
/// bash against fake `getent`, `docker`, `curl`, `apt-get` and `install` that log their calls: each guard
/// says done exactly when the machine is, and no test needs the network or touches the machine.
@Suite struct ContainerStepScriptTests {
    /// Fakes are bash functions defined before the script (a subshell each, so `exit` ends only the fake), not
    /// files on PATH: a script written and run at once can fail with "Text file busy" while parallel tests fork.
    final class Sandbox {
        let root: URL
        private var fakes: [String: String] = [:]
        var bin: URL { root.appendingPathComponent("bin") }

        init() throws {
            root = try PlanTools.temporaryDirectory()
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func fake(_ name: String, _ body: String) throws {
            fakes[name] = "\(name)() (\n" + "  echo \"\(name) $*\" >> \"$SANDBOX/calls\"\n" + body + "\n)\n"
        }

        /// The fakes' definitions, to put before a script.
        var definitions: String { fakes.keys.sorted().compactMap { fakes[$0] }.joined() }

        /// The step's guard condition as `ShellEmitter.checkScript` writes it (exit 0 done, 1 to do).
        func check(_ step: Step) throws -> Int32 {
            try run(ShellEmitter().checkScript(step)).status
        }

        func run(_ script: String) throws -> (status: Int32, output: String) {
            let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let result = try #require(try PlanTools.run("bash", ["-c", definitions + script], environment: ["PATH": path, "SANDBOX": root.path]))
            return (result.status, result.output)
        }

        func calls() -> [String] {
            ((try? String(contentsOf: root.appendingPathComponent("calls"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    private func steps(users: [String] = ["me", "ci-runner"]) -> [String: Step] {
        var spec = PlanExamples.computeNode
        spec.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: users)
        return Dictionary(uniqueKeysWithValues: Planner().plan(spec: spec).steps.map { ($0.id, $0) })
    }

    @Test func theStepsAndWhatTheyFix() {
        var spec = PlanExamples.computeNode
        spec.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me"])
        let plan = Planner().plan(spec: spec)
        let ids = plan.steps.map(\.id)
        #expect(Array(ids.drop { $0 != "docker-repository" }.prefix(5)) == [
            "docker-repository", "docker-engine", "docker-users", "nvidia-container-toolkit-repository", "nvidia-container-toolkit"])
        let docker = try? #require(plan.steps.first { $0.id == "docker-repository" })
        guard case .aptSource(let source)? = docker?.kind else { Issue.record("no apt source"); return }
        // Ubuntu 22.04 is jammy in Docker's repository.
        #expect(source.sources.contents == "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu jammy stable\n")
        #expect(source.keyURL == "https://download.docker.com/linux/ubuntu/gpg")
        // Debian uses Docker's Debian repository; without nvidia-toolkit or users there are two steps.
        spec.os = .init(distro: .debian, release: "12")
        spec.containers = .init(engine: .docker)
        let debian = Planner().plan(spec: spec).steps.filter { $0.fixes.contains { $0.rawValue.hasPrefix("containers.") } }
        #expect(debian.map(\.id) == ["docker-repository", "docker-engine"])
        if case .aptSource(let source) = debian.first?.kind {
            #expect(source.sources.contents.contains("https://download.docker.com/linux/debian bookworm stable"))
        }
        // A release without a known code name: no repository step (apt says what is missing).
        spec.os = .init(distro: .ubuntu, release: "25.10")
        #expect(Planner().plan(spec: spec).steps.map(\.id).contains("docker-repository") == false)
    }

    @Test func usersInTheDockerGroup() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let step = try #require(steps()["docker-users"])
        try box.fake("getent", "[[ $2 == docker ]] && echo 'docker:x:998:me,ci-runner'")
        #expect(try box.check(step) == 0)
        try box.fake("getent", "[[ $2 == docker ]] && echo 'docker:x:998:me'")
        #expect(try box.check(step) == 1)
        // A user whose name only contains a member's is not a member.
        try box.fake("getent", "[[ $2 == docker ]] && echo 'docker:x:998:me,ci-runner2'")
        #expect(try box.check(step) == 1)
        try box.fake("getent", "exit 2")
        #expect(try box.check(step) == 1)
        // The action adds each user; usermod is the machine's own.
        try box.fake("usermod", "")
        try box.fake("getent", "[[ $2 == docker ]] && echo 'docker:x:998:'")
        let ran = try box.run(ShellEmitter().runScript(step).replacingOccurrences(of: "rig_require_root 'docker-users'", with: ":"))
        #expect(ran.status == 0, "\(ran.output)")
        #expect(box.calls().filter { $0.hasPrefix("usermod") } == ["usermod -aG docker me", "usermod -aG docker ci-runner"])
    }

    @Test func theNvidiaRuntimeGuard() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let step = try #require(steps()["nvidia-container-toolkit"])
        // dpkg-query says the package is installed; docker info answers with the real runtimes maps.
        try box.fake("dpkg-query", "echo 'install installed 1.17.8-1'")
        try box.fake("docker", #"echo '{"io.containerd.runc.v2":{"path":"runc"},"nvidia":{"path":"nvidia-container-runtime"},"runc":{"path":"runc"}}'"#)
        #expect(try box.check(step) == 0)
        #expect(box.calls().contains("docker info --format {{json .Runtimes}}"))
        try box.fake("docker", #"echo '{"io.containerd.runc.v2":{"path":"runc"},"runc":{"path":"runc"}}'"#)
        #expect(try box.check(step) == 1)
        // A runtime named like it is not it.
        try box.fake("docker", #"echo '{"nvidia-experimental":{"path":"x"}}'"#)
        #expect(try box.check(step) == 1)
        // The daemon does not answer.
        try box.fake("docker", "echo 'Cannot connect to the Docker daemon' >&2; exit 1")
        #expect(try box.check(step) == 1)
    }

    @Test func theRepositoryStepDownloadsTheKeyAndWritesTheList() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let step = try #require(steps()["nvidia-container-toolkit-repository"])
        guard case .aptSource(var source) = step.kind else { Issue.record("not an apt source"); return }
        // The same step, pointed into the sandbox.
        source.keyring = box.root.path + "/keyrings/nvidia-container-toolkit.asc"
        source.sources.path = box.root.path + "/sources.list.d/nvidia-container-toolkit.list"
        let sandboxed = Step(id: step.id, title: step.title, kind: .aptSource(source), needsRoot: false, fixes: step.fixes,
                             check: .all([.fileExists(source.keyring), .fileContents(source.sources)]))
        try box.fake("curl", #"out=''; while (($#)); do [[ $1 == -o ]] && out=$2; shift; done; printf -- '-----BEGIN PGP PUBLIC KEY BLOCK-----\n' > "$out""#)
        try box.fake("apt-get", "")
        #expect(try box.check(sandboxed) == 1)
        let ran = try box.run(ShellEmitter().runScript(sandboxed))
        #expect(ran.status == 0, "\(ran.output)")
        #expect(box.calls().contains { $0.hasPrefix("curl -fsSL --proto =https -o ") && $0.hasSuffix(" https://nvidia.github.io/libnvidia-container/gpgkey") })
        #expect(try String(contentsOfFile: source.sources.path, encoding: .utf8)
                == "deb [signed-by=/etc/apt/keyrings/nvidia-container-toolkit.asc] https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH) /\n")
        let mode = try FileManager.default.attributesOfItem(atPath: source.keyring)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        // Done now; no temporary file is left beside the key.
        #expect(try box.check(sandboxed) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root.path + "/keyrings") == ["nvidia-container-toolkit.asc"])
        // A download that fails fails the step and leaves no key.
        try FileManager.default.removeItem(atPath: source.keyring)
        try box.fake("curl", "exit 22")
        #expect(try box.run(ShellEmitter().runScript(sandboxed)).status != 0)
        #expect(!FileManager.default.fileExists(atPath: source.keyring))
    }
}
