import Foundation
import Testing

/// `python:` for real on the machine the tests run on (as root, with PyPI reachable): uv from PyPI,
/// an environment of this machine's python3 with two small pure-Python packages (the test machine
/// has no GPU, so no torch), made by `rigctl apply` and then by the generated playbook, each twice:
/// the second run changes nothing. uv goes into a temporary `RIGCTL_UV_HOME`, the environment into
/// a temporary directory.
@Suite(.serialized) struct PythonEnvironmentEndToEndTests {
    let fileManager = FileManager.default

    /// Whether pypi.org answers (the one registry this test downloads from).
    static func pypiReachable() -> Bool {
        (try? Subprocess.run("python3", ["-c", "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/uv/', timeout=10)"]))?.status == 0
    }

    @Test(.enabled(if: getuid() == 0, "the end-to-end Python environment runs apply as root: run the tests as root (CI does)"),
          .enabled(if: pypiReachable(), "pypi.org is not reachable: the end-to-end Python environment downloads uv and two packages from it"))
    func applyAndThePlaybookMakeTheSameEnvironmentOnce() throws {
        try MachineStateLock.holding { try makeTheEnvironment() }
    }

    private func makeTheEnvironment() throws {
        let host = try ApplyEndToEndTests.thisHost()
        let version = try Subprocess.run("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try Subprocess.temporaryDirectory("rigctl-e2e-python-repo")
        let place = try Subprocess.temporaryDirectory("rigctl-e2e-python")
        defer {
            try? fileManager.removeItem(atPath: repo)
            try? fileManager.removeItem(atPath: place)
        }
        try fileManager.createDirectory(atPath: repo + "/machines", withIntermediateDirectories: true)
        let venv = place + "/venv"
        try """
            version: 1
            hostname: "\(host.hostname)"
            os: { distro: \(host.distro), release: "\(host.release)" }
            python:
              version: "\(version)"
              path: \(venv)
              packages: [six, "idna>=3"]

            """.write(toFile: repo + "/machines/this-host.yaml", atomically: true, encoding: .utf8)
        let environment = ["RIGCTL_UV_HOME": place + "/uv", "UV_CACHE_DIR": place + "/uv-cache"]
        let apply = ["apply", "--yes", "--repo", repo, "--lock-file", repo + "/apply.lock"]

        let first = try Subprocess.run(Subprocess.rigctl, apply, environment: environment)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("converged: 1 step run"), "\(first.output)")
        let imported = try Subprocess.run(venv + "/bin/python", ["-c", "import six, idna; print(six.__name__, idna.__name__)"])
        #expect(imported.output == "six idna\n", "\(imported.output)")
        let second = try Subprocess.run(Subprocess.rigctl, apply, environment: environment)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("0 steps run"), "\(second.output)")

        // The generated playbook on a fresh place: the same environment, then nothing to do.
        try fileManager.removeItem(atPath: venv)
        try fileManager.removeItem(atPath: place + "/uv")
        let generate = try Subprocess.run(Subprocess.rigctl, ["generate", "--repo", repo])
        #expect(generate.status == 0, "\(generate.output)")
        let playbook = ["-i", "this-host,", "-c", "local", "--skip-tags", "hostname",
                        "-e", "ansible_python_interpreter={{ ansible_playbook_python }}", "-e", "rigctl_uv_home=\(place)/uv",
                        repo + "/playbooks/this-host.yml"]
        let ansible = environment.merging(["ANSIBLE_NOCOLOR": "1", "ANSIBLE_RETRY_FILES_ENABLED": "0",
                                           "ANSIBLE_LOCAL_TEMP": repo + "/.ansible-tmp"]) { $1 }
        let played = try Subprocess.run("ansible-playbook", playbook, environment: ansible)
        #expect(played.status == 0, "\(played.output)")
        #expect(!played.output.contains("changed=0"), "\(played.output)")
        #expect(try Subprocess.run(venv + "/bin/python", ["-c", "import six, idna"]).status == 0)
        let replayed = try Subprocess.run("ansible-playbook", playbook, environment: ansible)
        #expect(replayed.status == 0, "\(replayed.output)")
        #expect(replayed.output.contains("changed=0"), "\(replayed.output)")
        let afterAnsible = try Subprocess.run(Subprocess.rigctl, apply, environment: environment)
        #expect(afterAnsible.output.contains("0 steps run"), "\(afterAnsible.output)")
    }
}
