import FoundationEssentials
import RigText

/// The one door to the outside world: every file read or write and every command goes through
/// a `System`, so a test (or `--replay`) can swap the real machine for a recorded one.
/// Reads and mutations are two protocols: code that only looks (validate, diff, audit, plan, a
/// dry run) takes a `SystemReader`, or a `ReadOnlySystem` where it needs a whole `System`, and so
/// cannot write.
package protocol SystemReader: Sendable {
    /// The contents of a file.
    func readFile(_ path: String) throws(SystemError) -> Data
    /// The names in a directory, sorted.
    func listDirectory(_ path: String) throws(SystemError) -> [String]
    /// Whether something exists at `path` (file, directory or a link to one).
    func fileExists(_ path: String) -> Bool
    /// Runs `argv` (no shell), waiting at most `timeout`. Never throws: a missing program,
    /// a non-zero exit and a timeout are all results. Probes run commands that only look.
    func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult
    /// An environment variable of the process rigctl runs as.
    func environment(_ name: String) -> String?
    /// `path` with every symbolic link resolved and `.`/`..` folded (realpath(3)); nil when it does not exist.
    /// A system without links (a replayed host, a fake) gives `path` itself when it exists.
    func realPath(_ path: String) -> String?
}

/// A `SystemReader` that can also change files.
package protocol System: SystemReader {
    /// Replaces `path` atomically (write a temporary file beside it, then rename), creating
    /// parent directories. `mode` is applied to the new file.
    func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError)
    /// Replaces several files all or nothing, following symbolic links and keeping modes and owners
    /// (`LiveSystem.replaceFiles` says how); returns where each went.
    func replaceFiles(_ replacements: [FileReplacement]) throws(SystemError) -> [ReplacedFile]
    /// Creates a directory and its parents; fine when it exists.
    func createDirectory(_ path: String) throws(SystemError)
    /// Removes a file; fine when it does not exist.
    func removeFile(_ path: String) throws(SystemError)
}

/// Any system with its mutations refused: what read-only commands and dry runs run on.
package struct ReadOnlySystem: System {
    package let base: any SystemReader

    package init(_ base: any SystemReader) { self.base = base }

    package func readFile(_ path: String) throws(SystemError) -> Data { try base.readFile(path) }
    package func listDirectory(_ path: String) throws(SystemError) -> [String] { try base.listDirectory(path) }
    package func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    package func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        await base.run(argv, input: input, timeout: timeout)
    }
    package func environment(_ name: String) -> String? { base.environment(name) }
    package func realPath(_ path: String) -> String? { base.realPath(path) }
    package func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
    package func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
    package func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
}

extension SystemReader {
    package func realPath(_ path: String) -> String? { fileExists(path) ? path : nil }

    package func run(_ argv: [String], timeout: Duration = .seconds(5)) async -> CommandResult {
        await run(argv, input: nil, timeout: timeout)
    }

    package func readText(_ path: String) throws(SystemError) -> String {
        String(decoding: try readFile(path), as: UTF8.self)
    }
}

extension System {
    package func writeText(_ path: String, _ text: String, mode: Int = 0o644) throws(SystemError) {
        try writeFile(path, Data(text.utf8), mode: mode)
    }

    /// A system that cannot write (a replayed host, a test's fake) writes nothing.
    package func replaceFiles(_ replacements: [FileReplacement]) throws(SystemError) -> [ReplacedFile] {
        throw .readOnly(replacements.first?.path ?? "")
    }
}

/// Why a file operation failed, in words a person can act on.
package enum SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case permissionDenied(String)
    case notADirectory(String)
    case isADirectory(String)
    case readOnly(String)
    case other(path: String, reason: String)

    package var description: String {
        switch self {
        case .notFound(let path): return "\(path): not found"
        case .permissionDenied(let path): return "\(path): permission denied"
        case .notADirectory(let path): return "\(path): not a directory"
        case .isADirectory(let path): return "\(path): is a directory"
        case .readOnly(let path): return "\(path): not written (read-only system)"
        case .other(let path, let reason): return "\(path): \(reason)"
        }
    }

    /// The file the error is about.
    package var path: String {
        switch self {
        case .notFound(let path), .permissionDenied(let path), .notADirectory(let path), .isADirectory(let path), .readOnly(let path):
            return path
        case .other(let path, _): return path
        }
    }

    /// The short reason, without the path ("permission denied").
    package var reason: String {
        switch self {
        case .notFound: return "not found"
        case .permissionDenied: return "permission denied"
        case .notADirectory: return "not a directory"
        case .isADirectory: return "is a directory"
        case .readOnly: return "read-only system"
        case .other(_, let reason): return reason
        }
    }
}

/// What running a command gave: its exit status and output, or why it did not run to the end.
package struct CommandResult: Sendable, Equatable, Codable {
    package enum Outcome: Sendable, Equatable, Codable {
        /// The program ran and exited with this status.
        case exited(Int32)
        /// The program is not installed (not on PATH, or not executable).
        case notFound
        /// Killed after running longer than the timeout, in seconds.
        case timedOut(seconds: Double)
        /// Could not be started for another reason.
        case failedToStart(String)
        /// Ended by a signal it did not send itself (the OOM killer, a person's `kill`).
        case killed(signal: Int32)
        /// Killed because stdout or stderr passed this many bytes (`ProcessRunner.outputLimit`).
        case outputOverLimit(bytes: Int)
    }

    package var outcome: Outcome
    package var stdout: Data
    package var stderr: Data

    package init(outcome: Outcome, stdout: Data = Data(), stderr: Data = Data()) {
        self.outcome = outcome
        self.stdout = stdout
        self.stderr = stderr
    }

    package var succeeded: Bool { outcome == .exited(0) }
    package var output: String { String(decoding: stdout, as: UTF8.self) }
    package var errorOutput: String { String(decoding: stderr, as: UTF8.self) }

    /// Why the command gave no usable output, for an `unknown` fact; nil when it succeeded.
    package func failureReason(program: String) -> String? {
        switch outcome {
        case .exited(0): return nil
        case .exited(let status):
            let firstLine = errorOutput.split(whereSeparator: \.isNewline).first.map { ": \(UntrustedText.escaped($0))" } ?? ""
            return "\(program) exited with status \(status)\(firstLine)"
        case .killed(let signal): return "\(program) was killed by signal \(signal)\(Self.signalName(signal).map { " (\($0))" } ?? "")"
        case .outputOverLimit(let bytes): return "\(program) output over \(bytes / 1_048_576) MiB (stopped)"
        case .notFound: return "\(program) not installed"
        case .timedOut(let seconds): return "\(program) timed out after \(Self.format(seconds)) s"
        case .failedToStart(let why): return "\(program) could not start: \(UntrustedText.escaped(why))"
        }
    }

    private static func signalName(_ signal: Int32) -> String? {
        [1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"][signal]
    }

    private static func format(_ seconds: Double) -> String {
        Int(exactly: seconds).map(String.init) ?? String(cFormat: "%.1f", seconds)
    }
}
