import Testing
import Foundation
@testable import RigRemote
@testable import RigKit
@testable import RigSystem
import RigSpec

@Suite struct SSHDestinationTests {
    @Test func parsesUserHostAndPort() throws {
        #expect(try SSHDestination(parsing: "gpu-box") == SSHDestination(host: "gpu-box"))
        #expect(try SSHDestination(parsing: "me@gpu-box.lan:2222") == SSHDestination(host: "gpu-box.lan", user: "me", port: 2222))
        #expect(try SSHDestination(parsing: "me@[fe80::1%eth0]:22") == SSHDestination(host: "fe80::1%eth0", user: "me", port: 22))
        #expect(try SSHDestination(parsing: "fe80::1") == SSHDestination(host: "fe80::1"))
    }

    @Test func targetsForSSHAndSCP() throws {
        let v4 = try SSHDestination(host: "10.0.0.2", user: "rig", port: 2200)
        #expect(v4.target == "rig@10.0.0.2")
        #expect(v4.scpPrefix == "rig@10.0.0.2:")
        #expect(v4.description == "rig@10.0.0.2:2200")
        #expect(try SSHDestination(host: "fe80::1").scpPrefix == "[fe80::1]:")
    }

    /// What ssh would read as an option, a second word or a command never reaches it.
    @Test func refusesOptionsAndShellText() {
        #expect(throws: SSHDestinationError.badHost("-oProxyCommand=touch /tmp/x")) { try SSHDestination(host: "-oProxyCommand=touch /tmp/x") }
        #expect(throws: SSHDestinationError.badHost("a b")) { try SSHDestination(host: "a b") }
        #expect(throws: SSHDestinationError.badHost("h;id")) { try SSHDestination(parsing: "h;id") }
        #expect(throws: SSHDestinationError.badUser("-l")) { try SSHDestination(parsing: "-l@host") }
        #expect(throws: SSHDestinationError.badPort("0")) { try SSHDestination(parsing: "host:0") }
        #expect(throws: SSHDestinationError.badPort("x")) { try SSHDestination(parsing: "host:x") }
        #expect(throws: SSHDestinationError.badHost("")) { try SSHDestination(parsing: "me@") }
        let message = (try? SSHDestination(host: "evil\u{1b}[2J")).map { _ in "" } ?? SSHDestinationError.badHost("evil\u{1b}[2J").description
        #expect(!message.contains("\u{1b}"), "\(message)")
    }

    @Test func namesBroughtBackArePlain() {
        #expect(RemoteRun.isPlainName("2026-12-01T21-00-00Z-apply.md"))
        #expect(RemoteRun.isPlainName("facts.json"))
        for bad in ["../x", ".hidden", "a/b", "a\nb", "", "x\u{1b}"] { #expect(!RemoteRun.isPlainName(bad), "\(bad)") }
        #expect(RemoteRun.isPlainPath("/tmp/rigctl.AbC123xyz9"))
        for bad in ["tmp/x", "/tmp/a b", "/tmp/$(id)", "/tmp/../etc", "/tmp/x'y"] { #expect(!RemoteRun.isPlainPath(bad), "\(bad)") }
    }

    @Test func whatEachCommandBringsBack() {
        let uploaded: Set<String> = ["old-apply.md", "facts.json"]
        #expect(RemoteRun.Command.apply.bringsBack("new-apply.md", uploaded: uploaded))
        #expect(RemoteRun.Command.apply.bringsBack("facts.json", uploaded: uploaded))
        #expect(!RemoteRun.Command.apply.bringsBack("old-apply.md", uploaded: uploaded))
        #expect(!RemoteRun.Command.apply.bringsBack("notes.txt", uploaded: uploaded))
        #expect(RemoteRun.Command.snapshot.bringsBack("facts.json", uploaded: uploaded))
        #expect(!RemoteRun.Command.snapshot.bringsBack("new-apply.md", uploaded: uploaded))
        #expect(!RemoteRun.Command.diff.bringsBack("facts.json", uploaded: uploaded))
    }

    @Test func initAddsTheSSHSectionAfterTheHostname() throws {
        let yaml = "# comment\nversion: 1\nhostname: \"box\"\nos: { distro: debian, release: \"12\" }\n"
        let added = RemoteInit.addingSSH(try SSHDestination(host: "box.lan", user: "me", port: 2222), to: yaml)
        #expect(added == "# comment\nversion: 1\nhostname: \"box\"\nssh: { host: \"box.lan\", user: \"me\", port: 2222 }\nos: { distro: debian, release: \"12\" }\n")
    }

    /// An ELF header: magic, 64-bit, little-endian, version 1, then e_type and e_machine.
    static func elf(machine: UInt8) -> String {
        String(decoding: [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, machine, 0], as: UTF8.self)
    }

    @Test func readsTheArchitectureOfAnELFFile() throws {
        var system = FakeSystem()
        system.files = ["x86": Self.elf(machine: 62), "script": "#!/bin/sh\necho hi there, not elf\n", "riscv": Self.elf(machine: 0xf3 & 0x7f)]
        #expect(RemoteBinary.inspect("x86", system: system) == .success(RemoteBinary(path: "x86", architecture: "x86_64")))
        #expect(RemoteBinary.inspect("script", system: system) == .failure(.binary("script is not an ELF executable")))
        #expect(RemoteBinary.inspect("riscv", system: system) == .failure(.binary("riscv is for ELF machine 115, not x86_64 or aarch64")))
        #expect(RemoteRun.canonical("arm64") == "aarch64")
    }

    static let spec = """
        version: 1
        hostname: box
        os: { distro: debian, release: "12" }
        ssh: { host: box.lan, user: rig }

        """

    /// An aarch64 machine and an x86_64 rigctl: refused before anything is copied, saying what to build.
    @Test func refusesAnotherArchitecture() async throws {
        var system = FakeSystem()
        system.files = ["repo/machines/box.yaml": Self.spec, "rigctl": Self.elf(machine: 62)]
        system.directories = ["repo/machines/": ["box.yaml"], "repo/machines": ["box.yaml"]]
        system.commands = [["ssh", "-o", "BatchMode=yes", "-T", "--", "rig@box.lan", "uname -m"]: CommandResult(outcome: .exited(0), stdout: Data("aarch64\n".utf8))]
        let run = RemoteRun(pipeline: Pipeline(repository: Repository(root: "repo", system: system)), binary: "rigctl", local: system, progress: { _ in })
        let result = await run.run(.apply, machine: "box", arguments: [])
        guard case .failure(let refusal) = result else { Issue.record("not refused: \(result)"); return }
        #expect(refusal.message == "rig@box.lan is aarch64, but rigctl is built for x86_64: build rigctl for aarch64 (scripts/release on such a machine, "
            + "or with a Swift SDK for it; see the README, \"A fresh machine\") and pass it with --remote-binary FILE")
    }

    @Test func refusesASpecWithoutSSH() async throws {
        var system = FakeSystem()
        system.files = ["repo/machines/box.yaml": Self.spec.replacingOccurrences(of: "ssh: { host: box.lan, user: rig }\n", with: "")]
        system.directories = ["repo/machines/": ["box.yaml"], "repo/machines": ["box.yaml"]]
        let run = RemoteRun(pipeline: Pipeline(repository: Repository(root: "repo", system: system)), binary: "rigctl", local: system, progress: { _ in })
        guard case .failure(let refusal) = await run.run(.diff, machine: "box", arguments: []) else { Issue.record("not refused"); return }
        #expect(refusal.message == "machines/box.yaml has no ssh: section, so rigctl cannot reach box; add one, e.g. ssh: { host: box, user: me }")
    }

    @Test func saysWhyTheHostCannotBeReached() async throws {
        var system = FakeSystem()
        system.files = ["repo/machines/box.yaml": Self.spec]
        system.directories = ["repo/machines/": ["box.yaml"], "repo/machines": ["box.yaml"]]
        system.commands = [["ssh", "-o", "BatchMode=yes", "-T", "--", "rig@box.lan", "uname -m"]:
            CommandResult(outcome: .exited(255), stderr: Data("rig@box.lan: Permission denied (publickey).\n".utf8))]
        let run = RemoteRun(pipeline: Pipeline(repository: Repository(root: "repo", system: system)), binary: "rigctl", local: system, progress: { _ in })
        guard case .failure(let refusal) = await run.run(.snapshot, machine: "box", arguments: []) else { Issue.record("not refused"); return }
        #expect(refusal.message == "cannot reach rig@box.lan over ssh: rig@box.lan: Permission denied (publickey).")
    }
}
