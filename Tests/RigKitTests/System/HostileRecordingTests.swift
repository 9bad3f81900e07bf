import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigEmit

/// A recorded host is something people attach to bug reports: replaying one reads nothing
/// outside its folder, and a malformed one is a clear load error (exit 2), never a crash or a hang.
@Suite struct HostileRecordingTests {
    /// A recording in a fresh folder, with a secret file beside it that must never be read.
    struct Recording {
        let root: URL
        var directory: String { root.appendingPathComponent("host").path }
        var secret: String { root.appendingPathComponent("secret.txt").path }

        init(filesystem: String? = nil, index: String? = nil) throws {
            root = try PlanTools.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("host/commands").path, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("host/fs/sys").path, withIntermediateDirectories: true)
            try "TOP SECRET\n".write(toFile: secret, atomically: true, encoding: .utf8)
            if let filesystem { try filesystem.write(toFile: directory + "/filesystem.json", atomically: true, encoding: .utf8) }
            if let index { try index.write(toFile: directory + "/commands/index.json", atomically: true, encoding: .utf8) }
        }

        func write(_ text: String, at relative: String) throws {
            let path = directory + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func load() -> Result<ReplaySystem, RecordedHost.LoadError> {
            do { return .success(try ReplaySystem(directory: directory)) } catch { return .failure(error) }
        }
    }

    func malformedReason(_ recording: Recording) -> String? {
        if case .failure(.malformed(_, let reason)) = recording.load() { return reason }
        return nil
    }

    @Test func hugeTimeoutInARecordingIsMalformed() throws {
        let recording = try Recording(index: #"{"commands": [{"argv": ["nvidia-smi"], "timedOutAfter": 1e308}]}"#)
        #expect(malformedReason(recording) == "command nvidia-smi: timedOutAfter 1e+308 is not a number of seconds (0-86400)")
    }

    @Test func outOfRangeExitAndSignalAreMalformed() throws {
        #expect(malformedReason(try Recording(index: #"{"commands": [{"argv": ["x"], "exit": 70000}]}"#))?.contains("not an exit status") == true)
        #expect(malformedReason(try Recording(index: #"{"commands": [{"argv": ["x"], "exit": 99999999999999999999}]}"#)) != nil)
        #expect(malformedReason(try Recording(index: #"{"commands": [{"argv": ["x"], "killedBy": -1}]}"#))?.contains("not a signal") == true)
        #expect(malformedReason(try Recording(index: #"{"commands": [{"argv": []}]}"#)) == "a command with an empty argv")
    }

    @Test func outputNameWalkingOutIsMalformed() throws {
        let recording = try Recording(index: #"{"commands": [{"argv": ["lsblk"], "stdout": "../../secret.txt"}]}"#)
        #expect(malformedReason(recording) == "command lsblk: output file '../../secret.txt' is not a plain name inside commands/")
    }

    @Test func listingWithDotDotIsMalformed() throws {
        let recording = try Recording(filesystem: #"{"directories": {"/sys/bus/pci/devices": ["../../../../../secret.txt"]}, "present": [], "errors": {}}"#)
        #expect(malformedReason(recording)?.contains("not a plain name") == true)
        let path = try Recording(filesystem: #"{"directories": {}, "present": ["/sys/../../secret.txt"], "errors": {}}"#)
        #expect(malformedReason(path)?.contains("not a plain absolute path") == true)
    }

    @Test func dotDotInAReadIsRefused() throws {
        let recording = try Recording()
        let replay = try recording.load().get()
        #expect(throws: SystemError.self) { try replay.readFile("/sys/../../../secret.txt") }
        #expect(!replay.fileExists("/../../secret.txt"))
    }

    @Test func linkLeavingTheRecordingIsRefused() async throws {
        let recording = try Recording()
        try FileManager.default.createSymbolicLink(atPath: recording.directory + "/fs/sys/leak", withDestinationPath: recording.secret)
        try FileManager.default.createSymbolicLink(atPath: recording.directory + "/fs/etc", withDestinationPath: recording.root.path)
        let replay = try recording.load().get()
        for path in ["/sys/leak", "/etc/secret.txt"] {
            #expect(throws: SystemError.other(path: path, reason: "refused: the recording links it outside its folder")) { try replay.readFile(path) }
        }
        try FileManager.default.createSymbolicLink(atPath: recording.directory + "/commands/leak.out", withDestinationPath: recording.secret)
        try recording.write(#"{"commands": [{"argv": ["lsblk"], "stdout": "leak.out"}]}"#, at: "commands/index.json")
        let withCommand = try recording.load().get()
        #expect((try? withCommand.readFile("/sys/leak")) == nil)
        let output = await withCommand.run(["lsblk"]).stdout
        #expect(!String(decoding: output, as: UTF8.self).contains("SECRET"))
    }

    @Test func linkInsideTheRecordingStillWorks() throws {
        let recording = try Recording()
        try recording.write("0x030000\n", at: "fs/sys/real")
        try FileManager.default.createSymbolicLink(atPath: recording.directory + "/fs/sys/alias", withDestinationPath: "real")
        #expect(try recording.load().get().readText("/sys/alias") == "0x030000\n")
    }

    @Test func fifoInARecordingDoesNotHang() throws {
        let recording = try Recording()
        #expect(mkfifo(recording.directory + "/fs/sys/fifo", 0o644) == 0)
        // No writer: reads as empty at once. The FIFO holds no data a probe could hang on.
        let replay = try ReplaySystem(directory: recording.directory, storage: LiveSystem(readDeadline: 0.2))
        #expect(try replay.readFile("/sys/fifo") == Data())
        // A writer that never writes: the read ends at its deadline.
        let writer = open(recording.directory + "/fs/sys/fifo", O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        let started = Date()
        #expect(throws: SystemError.self) { try replay.readFile("/sys/fifo") }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func malformedJSONIsALoadErrorNotACrash() throws {
        for text in ["", "[", "{\"commands\": 5}", "{\"commands\": [{\"argv\": \"x\"}]}", String(repeating: "[", count: 100_000),
                     "{\"commands\": [{\"argv\": [\"x\"], \"stdout\": \"\\u0000\"}]}"] {
            let recording = try Recording(index: text)
            guard case .failure = recording.load() else { Issue.record("loaded: \(text.prefix(40))"); continue }
        }
    }
}
