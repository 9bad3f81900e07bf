import Foundation
import RigSpec
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// The executor runs the plan's own bash (guard and step function) on this machine; these steps
/// use guards on temporary files and actions that only print, so nothing outside the test changes.
@Suite struct MachineStepExecutorTests {
    let system = LiveSystem()

    func step(_ check: StepGuard, kind: StepKind = .manual(ChecklistItem(place: "BIOS", setting: "xmp", value: "profile-1"))) -> Step {
        Step(id: "probe-step", title: "A test step", kind: kind, needsRoot: false, fixes: [], check: check)
    }

    @Test func theGuardIsTheShellScriptsOwn() async throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = SystemFile(path: directory.appendingPathComponent("unit").path, contents: "it's $(not run)\n")
        let executor = MachineStepExecutor(system: system, dotfiles: DotfilesTarget(home: directory.path), isRoot: true)
        #expect(await executor.check(step(.fileContents(file))) == .fails)
        try file.contents.write(toFile: file.path, atomically: true, encoding: .utf8)
        #expect(await executor.check(step(.fileContents(file))) == .holds)
        #expect(await executor.check(step(.all([.fileContents(file), .confirmedByPerson]))) == .fails)
        #expect(await executor.check(step(.packagesInstalled([AptPin(name: "bash")]))) == .holds)
        #expect(await executor.check(step(.packagesInstalled([AptPin(name: "rigctl-no-such-package")]))) == .fails)
    }

    @Test func theStepFunctionRunsThroughBash() async {
        let executor = MachineStepExecutor(system: system, dotfiles: DotfilesTarget(home: "/nonexistent"), isRoot: false)
        let run = await executor.run(step(.confirmedByPerson))
        #expect(run.succeeded)
        #expect(run.output == "manual: A test step\n")
    }

    @Test func aRootStepWithoutRootFailsBeforeRunning() async {
        let executor = MachineStepExecutor(system: system, dotfiles: DotfilesTarget(home: "/nonexistent"), isRoot: false)
        let step = Step(id: "hostname", title: "Set the hostname", kind: .hostname("x"), needsRoot: true, fixes: [], check: .hostnameIs("x"))
        let run = await executor.run(step)
        #expect(!run.succeeded)
        #expect(run.output == "error: step hostname needs root: run `sudo rigctl apply`")
    }

    @Test func dotfilesGoThroughTheInstallerAndItsCheck() async throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let files = PlanExamples.dotfiles
        let settings = home.appendingPathComponent(".config/Code/User/settings.json")
        try FileManager.default.createDirectory(at: settings.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{\n  // my font\n  \"editor.fontSize\": 13\n}\n".write(to: settings, atomically: true, encoding: .utf8)
        let step = Step(id: "dotfiles", title: "Install the theme", kind: .dotfiles(files), needsRoot: false,
                        fixes: ["theme"], check: .dotfilesCurrent(files))
        let executor = MachineStepExecutor(system: system, dotfiles: DotfilesTarget(home: home.path), isRoot: false)
        #expect(await executor.check(step) == .fails)
        let run = await executor.run(step)
        #expect(run.succeeded, "\(run.output)")
        #expect(await executor.check(step) == .holds)
        // Unlike the script and the playbook, apply merges into the settings the user has.
        let merged = try String(contentsOf: settings, encoding: .utf8)
        #expect(merged.contains("// my font") && merged.contains("\"editor.fontSize\": 13") && merged.contains("workbench.colorCustomizations"))
    }

    @Test func aDamagedBlockIsACheckError() async throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try "# >>> rigctl theme >>>\nno end\n".write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        let files = [PlanExamples.dotfile(".bashrc")]
        let step = Step(id: "dotfiles", title: "Install the theme", kind: .dotfiles(files), needsRoot: false,
                        fixes: ["theme"], check: .dotfilesCurrent(files))
        let check = await MachineStepExecutor(system: system, dotfiles: DotfilesTarget(home: home.path), isRoot: false).check(step)
        guard case .error(let why) = check else {
            Issue.record("expected a check error, got \(check)")
            return
        }
        #expect(why.contains("damaged"))
    }
}

@Suite struct DotfilesTargetTests {
    struct Environment: System {
        var variables: [String: String]
        var passwd = "root:x:0:0:root:/root:/bin/bash\nana:x:1000:1000:Ana,,,:/home/ana:/bin/bash\n"
        func readFile(_ path: String) throws(SystemError) -> Data {
            guard path == "/etc/passwd" else { throw .notFound(path) }
            return Data(passwd.utf8)
        }
        func listDirectory(_ path: String) throws(SystemError) -> [String] { throw .notFound(path) }
        func fileExists(_ path: String) -> Bool { false }
        func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult { CommandResult(outcome: .notFound) }
        func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
        func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
        func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
        func environment(_ name: String) -> String? { variables[name] }
    }

    @Test func homeIsHomeUnlessSudoSaysWhoseItIs() {
        let plain = Environment(variables: ["HOME": "/home/me"])
        #expect(DotfilesTarget.resolve(explicitHome: nil, system: plain, isRoot: false) == .success(DotfilesTarget(home: "/home/me")))
        let sudo = Environment(variables: ["HOME": "/root", "SUDO_USER": "ana", "SUDO_UID": "1000", "SUDO_GID": "1000"])
        #expect(DotfilesTarget.resolve(explicitHome: nil, system: sudo, isRoot: true)
            == .success(DotfilesTarget(home: "/home/ana", owner: "1000:1000")))
        #expect(DotfilesTarget.resolve(explicitHome: "/tmp/h", system: sudo, isRoot: true) == .success(DotfilesTarget(home: "/tmp/h")))
        let rootItself = Environment(variables: ["HOME": "/root", "SUDO_USER": "root"])
        #expect(DotfilesTarget.resolve(explicitHome: nil, system: rootItself, isRoot: true) == .success(DotfilesTarget(home: "/root")))
        let stranger = Environment(variables: ["SUDO_USER": "bob", "SUDO_UID": "1001", "SUDO_GID": "1001"])
        #expect(throws: DotfilesTargetError.self) { try DotfilesTarget.resolve(explicitHome: nil, system: stranger, isRoot: true).get() }
        #expect(throws: DotfilesTargetError.self) { try DotfilesTarget.resolve(explicitHome: nil, system: Environment(variables: [:]), isRoot: false).get() }
    }
}

@Suite struct ApplyLockTests {
    @Test func aSecondApplyIsRefusedUntilTheFirstLetsGo() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("apply.lock").path
        var first: ApplyLock? = try ApplyLock.acquire(at: path).get()
        #expect(first != nil)
        // flock locks belong to the open file: a second open in this process is refused like another process.
        guard case .failure(let failure) = ApplyLock.acquire(at: path) else {
            Issue.record("a second lock was granted")
            return
        }
        guard case .held(path, let pid, _) = failure else { Issue.record("\(failure)"); return }
        // The holder comes from the kernel's lock table.
        #expect(pid == ProcessInfo.processInfo.processIdentifier)
        #expect(failure.description.hasPrefix("another rigctl apply is running (pid "))
        first = nil
        #expect((try? ApplyLock.acquire(at: path).get()) != nil)
    }

    @Test func theLockFileIsNeverReadWrittenOrTruncated() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("apply.lock").path
        // A planted "pid" with escape sequences: neither kept out nor echoed, and never truncated.
        let planted = "planted-pid-666\u{1b}]0;owned\u{07}\u{1b}[2J\n"
        try planted.write(toFile: path, atomically: false, encoding: .utf8)
        var first: ApplyLock? = try ApplyLock.acquire(at: path).get()
        guard case .failure(let failure) = ApplyLock.acquire(at: path) else { Issue.record("granted twice"); return }
        #expect(!failure.description.contains("planted-pid"))   // not in any temporary path
        #expect(!failure.description.contains("\u{1b}"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == planted)
        first = nil
        _ = first
    }

    @Test func aSymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("precious").path
        try "keep me\n".write(toFile: target, atomically: true, encoding: .utf8)
        let path = directory.appendingPathComponent("apply.lock").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        guard case .failure(.cannotOpen(_, let reason)) = ApplyLock.acquire(at: path) else { Issue.record("a link was followed"); return }
        #expect(reason == "it is a symbolic link (refused)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    @Test func aDirectoryOthersCanWriteIsRefused() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        chmod(directory.path, 0o1777)
        guard case .failure(.cannotOpen(_, let reason)) = ApplyLock.acquire(at: directory.path + "/apply.lock") else {
            Issue.record("a world-writable directory was accepted")
            return
        }
        #expect(reason.hasSuffix("is writable by other users; use a directory only its owner can write"))
        #expect(ApplyLock.unsafeDirectory("/tmp") != nil)
    }

    @Test func aFileOfAnotherUserIsRefused() throws {
        try #require(geteuid() == 0, "needs root to give a file to another user (CI runs as root)")
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("apply.lock").path
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chown(path, 65534, 65534) == 0)
        guard case .failure(.cannotOpen(_, let reason)) = ApplyLock.acquire(at: path) else { Issue.record("another user's file was used"); return }
        #expect(reason == "not a regular file owned by this user (refused)")
    }

    @Test func theHolderIsReadFromTheKernelTable() {
        let table = """
            1: POSIX  ADVISORY  WRITE 16682 fe:00:5433155 1073741824 1073742335
            2: FLOCK  ADVISORY  WRITE 4242 fe:01:77 0 EOF
            2: -> FLOCK  ADVISORY  WRITE 5151 fe:01:77 0 EOF
            """
        // st_dev as glibc encodes major 0xfe, minor 1.
        let device: UInt64 = (0xfe << 8) | 1
        #expect(LockHolder.find(device: device, inode: 77, table: table) == 4242)
        #expect(LockHolder.find(device: device, inode: 78, table: table) == nil)
    }

    @Test func anUnusableLockPathSaysWhy() {
        guard case .failure(.cannotOpen(let path, _)) = ApplyLock.acquire(at: "/nonexistent/dir/apply.lock") else {
            Issue.record("expected cannotOpen")
            return
        }
        #expect(path == "/nonexistent/dir/apply.lock")
    }
}
