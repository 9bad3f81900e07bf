import Foundation
import Testing
@testable import RigSystem
@testable import RigEmit

/// What the generated scripts (and apply's steps, which run the same prelude) leave beside the files they
/// write: no temporary file after a failed, interrupted or killed run, and at most RIG_BACKUPS_KEPT backups
/// however often a file changes, the first (the user's original) always among them.
@Suite struct ShellPreludeBoundsTests {
    /// Runs `body` after the prelude in bash, in `directory`, with a `date` that counts up one second a call.
    /// The fake `date` is a shell function, not a file: an executable written while other tests fork can
    /// fail to exec ("Text file busy") for as long as a forked child still holds it open for writing.
    func run(_ body: String, in directory: URL, defaultSignals: Bool = false) throws -> Int32? {
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let clock = ShellQuote.quote(bin.appendingPathComponent("clock").path)
        let fakeDate = """
            date() {
              local n
              n=$(cat \(clock) 2>/dev/null || echo 100000)
              echo $((n + 1)) > \(clock)
              printf '20260101%06d\\n' "$n"
            }
            """
        let script = directory.appendingPathComponent("run.sh")
        try "set -euo pipefail\n\(ShellPrelude.text)\n\(fakeDate)\ncd \(ShellQuote.quote(directory.path))\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        guard defaultSignals else { return try PlanTools.run("bash", [script.path], environment: ["PATH": path])?.status }
        // The test runner's children may inherit SIGTERM blocked or ignored; a shell started from a terminal does not.
        let reset = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "[signal.signal(s, signal.SIG_DFL) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)]; os.execvp('bash', ['bash', sys.argv[1]])"
        return try PlanTools.run("python3", ["-c", reset, script.path], environment: ["PATH": path])?.status
    }

    func names(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "bin" && $0 != "run.sh" }.sorted()
    }

    @Test func backupsStayBoundedAndTheOriginalIsKept() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "the user's original\n".write(to: directory.appendingPathComponent("conf"), atomically: true, encoding: .utf8)
        #expect(try run("for i in 1 2 3 4 5 6 7 8 9 10; do rig_install_file conf \"version $i\" 644; done", in: directory) == 0)
        let backups = try names(directory).filter { $0.hasPrefix("conf.rigctl-backup-") }
        #expect(backups.count == 5, "\(backups)")
        let first = try String(contentsOf: directory.appendingPathComponent(backups[0]), encoding: .utf8)
        #expect(first == "the user's original\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("conf"), encoding: .utf8) == "version 10")
        #expect(try String(contentsOf: directory.appendingPathComponent(backups[4]), encoding: .utf8) == "version 9")
    }

    @Test func aFailedOrInterruptedRunLeavesNoTemporaryFile() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A damaged block fails the step between mktemp and mv; a TERM arrives while a temporary exists.
        try "# >>> b >>>\n".write(to: directory.appendingPathComponent("rc"), atomically: true, encoding: .utf8)
        #expect(try run("rig_install_block rc '# >>> b >>>' '# <<< b <<<' 'x' ''", in: directory) != 0)
        #expect(try run("rig_mktemp conf; kill -TERM $$; sleep 5", in: directory, defaultSignals: true) == 143)
        #expect(try run("rig_mktemp conf; false", in: directory) == 1)
        #expect(try names(directory).filter { $0.contains(".rigctl-tmp-") } == [])
    }

    @Test func whatAKilledRunLeftIsSweptByTheNext() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // SIGKILL cannot be trapped: its temporary stays until the next run writes the same file.
        #expect(try run("rig_mktemp conf; kill -KILL $$", in: directory) != 0)
        #expect(try names(directory).filter { $0.contains(".rigctl-tmp-") }.count == 1)
        #expect(try run("rig_install_file conf 'new' 644", in: directory) == 0)
        #expect(try names(directory) == ["conf"])
    }
}
