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
        #expect(failure == .held(path: path, pid: "\(ProcessInfo.processInfo.processIdentifier)"))
        #expect(failure.description.hasPrefix("another rigctl apply is running (pid "))
        first = nil
        #expect((try? ApplyLock.acquire(at: path).get()) != nil)
    }

    @Test func anUnusableLockPathSaysWhy() {
        guard case .failure(.cannotOpen(let path, _)) = ApplyLock.acquire(at: "/nonexistent/dir/apply.lock") else {
            Issue.record("expected cannotOpen")
            return
        }
        #expect(path == "/nonexistent/dir/apply.lock")
    }
}
