import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigPlan
@testable import RigEmit

/// The bash helpers behind the `dkms-modules` and `cuda-default` steps (script, playbook and `rigctl apply` all run
/// them), run for real in bash against fake `dkms`, `uname`, `apt-get` and `update-alternatives` that log their
/// calls, with the real dkms outputs of Fixtures/tools/14_driver_health: each repairs a broken state once and a
/// second run finds nothing to do.
@Suite struct DriverRepairScriptTests {
    /// A scratch directory with `boot/`, `calls` (what the fakes were asked) and an empty `bin/` for PATH.
    /// Fakes are bash functions defined before the script (a subshell each, so `exit` ends only the fake), not
    /// files on PATH: a script written and run at once can fail with "Text file busy" while parallel tests fork.
    final class Sandbox {
        let root: URL
        private var fakes: [String: String] = [:]
        var bin: URL { root.appendingPathComponent("bin") }
        var boot: URL { root.appendingPathComponent("boot") }

        init() throws {
            root = try PlanTools.temporaryDirectory()
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: boot, withIntermediateDirectories: true)
            try fake("uname", "echo 6.8.0-52-generic")
            try fake("apt-get", "echo \"apt-get $*\" >> \"$SANDBOX/calls\"")
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func fake(_ name: String, _ body: String) throws {
            fakes[name] = "\(name)() (\n" + body + "\n)\n"
        }

        /// The fakes' definitions, to put before a script.
        var definitions: String { fakes.keys.sorted().compactMap { fakes[$0] }.joined() }

        /// A fake dkms whose `status` prints `status` and whose `autoinstall -k K` adds K's nvidia line to it.
        func fakeDKMS(status: String) throws {
            try status.write(to: root.appendingPathComponent("dkms-status"), atomically: true, encoding: .utf8)
            try fake("dkms", """
                echo "dkms $*" >> "$SANDBOX/calls"
                case $1 in
                  status) cat "$SANDBOX/dkms-status" ;;
                  autoinstall) echo "nvidia/570.124.04, $3, x86_64: installed" >> "$SANDBOX/dkms-status" ;;
                esac
                """)
        }

        func kernels(_ names: String...) throws {
            for name in names { try "".write(to: boot.appendingPathComponent("vmlinuz-" + name), atomically: true, encoding: .utf8) }
        }

        /// Runs `call` after the helpers; the exit status and stdout+stderr.
        func run(_ call: String) throws -> (status: Int32, output: String) {
            let script = definitions + "set -euo pipefail\n" + ShellPrelude.dkmsFunctions + "\n" + ShellPrelude.cudaDefaultFunctions + "\n" + call + "\n"
            let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let result = try #require(try PlanTools.run("bash", ["-c", script], environment: ["PATH": path, "SANDBOX": root.path]))
            return (result.status, result.output)
        }

        func calls() -> [String] {
            ((try? String(contentsOf: root.appendingPathComponent("calls"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    private func tool(_ name: String) throws -> String { try Fixture.text("tools/14_driver_health/\(name)") }

    @Test func healthyDKMSNeedsNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.kernels("6.8.0-45-generic", "6.8.0-52-generic")
        try box.fakeDKMS(status: "nvidia/570.124.04, 6.8.0-52-generic, x86_64: installed\n")
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 0)
        #expect(try box.run("rig_dkms_install_missing \(box.boot.path)").status == 0)
        #expect(box.calls() == ["dkms status", "dkms status"])
    }

    @Test func theNewestKernelGetsItsHeadersAndItsModuleOnce() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.kernels("6.8.0-52-generic", "6.8.0-60-generic", "6.8.0-9-generic")
        try box.fakeDKMS(status: "nvidia/570.124.04, 6.8.0-52-generic, x86_64: installed\n")
        let missing = try box.run("rig_dkms_kernels_missing \(box.boot.path)")
        #expect(missing.output == "6.8.0-60-generic\n")
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 1)
        #expect(try box.run("rig_dkms_install_missing \(box.boot.path)").status == 0)
        #expect(box.calls().suffix(4) == ["dkms status", "apt-get update", "apt-get install -y linux-headers-6.8.0-60-generic",
                                          "dkms autoinstall -k 6.8.0-60-generic"])
        // The second run finds the module and changes nothing.
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 0)
        let before = box.calls().count
        #expect(try box.run("rig_dkms_install_missing \(box.boot.path)").status == 0)
        #expect(box.calls().dropFirst(before) == ["dkms status"])
    }

    @Test func theRunningKernelWithoutTheModuleOnPopOS() throws {
        // The pop-os capture (dkms 3, Error lines from another module): nvidia built for two other kernels.
        let box = try Sandbox()
        defer { box.remove() }
        try box.kernels("6.12.10-76061203-generic", "6.16.3-76061603-generic")
        try box.fakeDKMS(status: try tool("dkms_status_v3_popos_two_kernels.txt"))
        #expect(try box.run("rig_dkms_kernels_missing \(box.boot.path)").output == "6.8.0-52-generic\n")
    }

    @Test func dkms2LayoutAndNonNVIDIAModules() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.fake("uname", "echo 5.11.0-36-generic")
        try box.kernels("5.11.0-36-generic")
        try box.fakeDKMS(status: try tool("dkms_status_v2_ubuntu.txt"))
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 0)
        // Only rtl8852bu built for the running kernel: the nvidia one is for another kernel.
        try box.fake("uname", "echo 6.5.0-060500rc5-generic")
        try box.fakeDKMS(status: "rtl8852bu/1.19.3, 6.5.0-060500rc5-generic, x86_64: installed\nnvidia/535.86.05, 6.2.0-26-generic, x86_64: installed\n")
        #expect(try box.run("rig_dkms_kernels_missing \(box.boot.path)").output == "5.11.0-36-generic\n6.5.0-060500rc5-generic\n")
    }

    @Test func noDKMSOrNoNVIDIAModuleIsNothingToDo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.kernels("6.8.0-60-generic")
        // No dkms on PATH at all (a PATH of only the sandbox and the basics bash needs).
        let script = box.definitions + "set -euo pipefail\n" + ShellPrelude.dkmsFunctions + "\nrig_dkms_current \(box.boot.path)\n"
        let bare = try #require(try PlanTools.run("bash", ["-c", script], environment: ["PATH": box.bin.path]))
        #expect(bare.status == 0)
        try box.fakeDKMS(status: "rtl8852bu/1.19.3, 6.5.0-060500rc5-generic, x86_64: installed\n")
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 0)
    }

    @Test func hostileKernelNamesAreNeverUsed() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.kernels("6.8.0-52-generic", "9.9;touch pwned", "9.9$(touch pwned2)")
        try box.fakeDKMS(status: "nvidia/570.124.04, 6.8.0-52-generic, x86_64: installed\n")
        #expect(try box.run("rig_dkms_install_missing \(box.boot.path)").status == 0)
        #expect(!box.calls().contains { $0.contains("9.9") })
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("pwned").path))
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("pwned2").path))
    }

    @Test func failingDKMSFailsTheCheckAndTheStep() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.fake("dkms", "echo 'Error! dkms tree is broken' >&2; exit 3")
        #expect(try box.run("rig_dkms_current \(box.boot.path)").status == 1)
        #expect(try box.run("rig_dkms_install_missing \(box.boot.path)").status != 0)
    }

    // MARK: /usr/local/cuda

    private func toolkits(_ box: Sandbox, _ releases: [String], link: String) throws -> String {
        for release in releases {
            try FileManager.default.createDirectory(at: box.root.appendingPathComponent("cuda-\(release)"), withIntermediateDirectories: true)
        }
        let path = box.root.appendingPathComponent("cuda").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: box.root.appendingPathComponent("cuda-\(link)").path)
        return path
    }

    @Test func theDefaultToolkitMatchesTheSpec() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let link = try toolkits(box, ["11.5", "12.8", "13.0"], link: "12.8")
        #expect(try box.run("rig_cuda_default_is prefix 12.8 \(link)").status == 0)
        #expect(try box.run("rig_cuda_default_is prefix 12 \(link)").status == 0)
        #expect(try box.run("rig_cuda_default_is prefix 12.6 \(link)").status == 1)
        #expect(try box.run("rig_cuda_default_is atleast 12.8 \(link)").status == 0)
        #expect(try box.run("rig_cuda_default_is atleast 13.0 \(link)").status == 1)
        _ = try toolkits(box, [], link: "11.5")
        #expect(try box.run("rig_cuda_default_is prefix 12.8 \(link)").status == 1)
        // A dangling link or none at all is not the spec's toolkit.
        #expect(try box.run("rig_cuda_default_is prefix 12.8 \(box.root.path)/missing").status == 1)
    }

    @Test func theSwitchPicksTheRegisteredToolkit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.fake("update-alternatives", """
            echo "update-alternatives $*" >> "$SANDBOX/calls"
            if [[ $1 == --list ]]; then printf '%s\\n' /usr/local/cuda-13.0 /usr/local/cuda-11.5 /usr/local/cuda-12.8; fi
            """)
        #expect(try box.run("rig_cuda_default_set prefix 12.8").status == 0)
        #expect(try box.run("rig_cuda_default_set atleast 12.8").status == 0)
        #expect(try box.run("rig_cuda_default_set prefix 13").status == 0)
        #expect(box.calls().filter { $0.contains("--set") } == [
            "update-alternatives --set cuda /usr/local/cuda-12.8",
            "update-alternatives --set cuda /usr/local/cuda-13.0",
            "update-alternatives --set cuda /usr/local/cuda-13.0",
        ])
        let none = try box.run("rig_cuda_default_set prefix 12.6")
        #expect(none.status == 1)
        #expect(none.output.contains("error: no toolkit registered as the cuda alternative (update-alternatives --list cuda) is CUDA 12.6"))
        #expect(box.calls().filter { $0.contains("--set") }.count == 3)
    }

    @Test func playbookTasksRunTheSameFunctions() throws {
        var spec = PlanExamples.computeNode
        spec.python = nil
        let plan = Planner().plan(spec: spec)
        let emitter = AnsibleEmitter()
        var handlers: Set<String> = []
        for (id, functions, calls) in [
            ("dkms-modules", ShellPrelude.dkmsFunctions, ["rig_dkms_current /boot", "rig_dkms_install_missing /boot"]),
            ("cuda-default", ShellPrelude.cudaDefaultFunctions, ["rig_cuda_default_is 'prefix' '12.8'", "rig_cuda_default_set 'prefix' '12.8'"]),
        ] {
            let step = try #require(plan.steps.first { $0.id == id })
            let scripts = emitter.tasks(for: step, handlers: &handlers).compactMap { task -> String? in
                guard case .map(let fields) = task, case .map(let module)? = fields.first(where: { $0.0 == "ansible.builtin.command" })?.1,
                      case .list(let argv)? = module.first(where: { $0.0 == "argv" })?.1, argv.count == 3,
                      case .unsafeString(let script) = argv[2] else { return nil }
                return script
            }
            #expect(scripts == calls.map { "set -euo pipefail\n" + functions + "\n" + $0 + "\n" }, "\(id)")
            for script in scripts {
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-\(id)-\(UUID().uuidString).sh")
                try ("#!/usr/bin/env bash\n" + script).write(to: url, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: url) }
                #expect(try PlanTools.run("bash", ["-n", url.path])?.status == 0)
                let lint = try PlanTools.run("shellcheck", ["--severity=style", url.path])
                #expect(lint?.status == 0, "\(lint?.output ?? "")")
            }
        }
    }
}
