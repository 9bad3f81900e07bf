import FoundationEssentials
import RigText

/// The on-disk format of a recorded host (see docs/recorded-hosts.md):
///
///     DIR/fs/<absolute path>       file contents, as read
///     DIR/filesystem.json          directory listings, paths that exist, read errors
///     DIR/commands/index.json      argv → outcome, stdout and stderr files
///     DIR/commands/<name>.out|.err command output
///
/// Small and hand-editable: users attach one to a bug report, tests build them from real outputs.
package struct RecordedHost: Sendable, Equatable {
    /// `filesystem.json`.
    package struct Filesystem: Sendable, Equatable, Codable {
        package var format: Int? = 1
        /// Directory → the names it listed, sorted.
        package var directories: [String: [String]] = [:]
        /// Paths `fileExists` saw that are neither a recorded file nor a listed directory.
        package var present: [String] = []
        /// Path → why reading or listing it failed ("permission denied"); not-found paths are simply absent.
        package var errors: [String: String] = [:]
        package init() {}
    }

    /// One entry of `commands/index.json`. Exactly one of `exit`, `notFound`, `timedOutAfter`,
    /// `failedToStart` says how it ended.
    package struct Command: Sendable, Equatable, Codable {
        package var argv: [String]
        package var exit: Int32?
        package var notFound: Bool?
        package var timedOutAfter: Double?
        package var failedToStart: String?
        /// The signal that killed it.
        package var killedBy: Int32?
        /// Killed when its output passed this many bytes.
        package var outputOverLimit: Int?
        /// File under `commands/` with standard output; absent means empty.
        package var stdout: String?
        package var stderr: String?

        package init(argv: [String], exit: Int32? = nil, notFound: Bool? = nil, timedOutAfter: Double? = nil,
                    failedToStart: String? = nil, stdout: String? = nil, stderr: String? = nil) {
            self.argv = argv
            self.exit = exit
            self.notFound = notFound
            self.timedOutAfter = timedOutAfter
            self.failedToStart = failedToStart
            self.stdout = stdout
            self.stderr = stderr
        }

        /// The outcome this entry records; an entry that says nothing reads as exit status 0.
        package var outcome: CommandResult.Outcome {
            if notFound == true { return .notFound }
            if let timedOutAfter { return .timedOut(seconds: timedOutAfter) }
            if let failedToStart { return .failedToStart(failedToStart) }
            if let killedBy { return .killed(signal: killedBy) }
            if let outputOverLimit { return .outputOverLimit(bytes: outputOverLimit) }
            return .exited(exit ?? 0)
        }

        init(argv: [String], outcome: CommandResult.Outcome) {
            self.init(argv: argv)
            switch outcome {
            case .exited(let status): exit = status
            case .notFound: notFound = true
            case .timedOut(let seconds): timedOutAfter = seconds
            case .failedToStart(let why): failedToStart = why
            case .killed(let signal): killedBy = signal
            case .outputOverLimit(let bytes): outputOverLimit = bytes
            }
        }

        /// Why this entry cannot be replayed, or nil: numbers a real run can give, output files
        /// named inside `commands/`.
        func problem() -> String? {
            if argv.isEmpty { return "a command with an empty argv" }
            let what = "command \(UntrustedText.escaped(argv.joined(separator: " "), limit: 80))"
            if let exit, !(0...255).contains(exit) { return "\(what): exit \(exit) is not an exit status (0-255)" }
            if let timedOutAfter, !(timedOutAfter.isFinite && (0...86_400).contains(timedOutAfter)) {
                return "\(what): timedOutAfter \(timedOutAfter) is not a number of seconds (0-86400)"
            }
            if let killedBy, !(1...64).contains(killedBy) { return "\(what): killedBy \(killedBy) is not a signal (1-64)" }
            if let outputOverLimit, outputOverLimit < 0 { return "\(what): outputOverLimit \(outputOverLimit) is negative" }
            for name in [stdout, stderr].compactMap({ $0 }) where !RecordedHost.isPlainName(name) {
                return "\(what): output file '\(UntrustedText.escaped(name, limit: 80))' is not a plain name inside commands/"
            }
            return nil
        }
    }

    /// `commands/index.json`.
    package struct CommandIndex: Sendable, Equatable, Codable {
        package var format: Int? = 1
        /// Sorted by argv.
        package var commands: [Command] = []
        package init() {}
    }

    /// Why a recorded host cannot be used.
    package enum LoadError: Error, Equatable, CustomStringConvertible {
        case notADirectory(String)
        case unreadable(file: String, reason: String)
        case malformed(file: String, reason: String)

        package var description: String {
            switch self {
            case .notADirectory(let path): return "\(path): not a recorded host (no such directory)"
            case .unreadable(let file, let reason): return "\(file): \(UntrustedText.escaped(reason, limit: 300))"
            case .malformed(let file, let reason): return "\(file): not a valid recorded-host file: \(UntrustedText.escaped(reason, limit: 300))"
            }
        }
    }

    /// A file or directory name that stays where it is put: no `/`, not `.` or `..`, no NUL.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\u{0}")
    }

    /// A recorded machine path: absolute, and no `.` or `..` component that could walk out of `fs/`.
    static func isConfinedPath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.contains("\u{0}")
            && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    static let filesystemFile = "filesystem.json"
    static let commandIndexFile = "commands/index.json"

    /// Where a machine path lives inside the recording.
    static func storagePath(_ directory: String, for path: String) -> String {
        directory + "/fs" + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// A stable, readable file name for a command's output: `lsblk-5c2d90e1`.
    static func outputName(for argv: [String]) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in argv.joined(separator: "\u{0}").utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let program = (argv.first ?? "command").split(separator: "/").last.map(String.init) ?? "command"
        let safe = String(program.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return "\(safe)-\(String(cFormat: "%08x", hash))"
    }
}

extension SystemError {
    /// The error a recorded reason stands for (the inverse of `reason`).
    init(recordedReason reason: String, path: String) {
        switch reason {
        case "not found": self = .notFound(path)
        case "permission denied": self = .permissionDenied(path)
        case "not a directory": self = .notADirectory(path)
        case "read-only system": self = .readOnly(path)
        default: self = .other(path: path, reason: reason)
        }
    }
}
