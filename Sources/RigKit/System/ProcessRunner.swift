import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one command with posix_spawn in its own process group and never lets it outlive its
/// welcome: at the deadline, or when its output passes `outputLimit`, the whole tree is killed —
/// the process group, then every process that carries this run's `RIGCTL_RUN` tag in its
/// environment or descends from the command, which finds `setsid` grandchildren wherever they
/// were reparented. A command that exits normally takes its process group with it; only a
/// process that left the group and closed the command's pipes (a daemon such as a tmux server)
/// is allowed to stay.
///
/// Hand-written rather than swift-subprocess (1.0.x): its teardown sequence signals the child
/// or its process group (`send(_:toProcessGroup:)`), so a `setsid` grandchild survives it, and
/// the tag sweep that catches those would have to be written here anyway. This file is under
/// 300 lines with no dependency; swift-subprocess is ~10,400 lines of non-Windows source to
/// build on every clean CI run, behind an async API the synchronous runner would wrap.
enum ProcessRunner {
    /// The most bytes kept from stdout and from stderr each; past it the command is killed and
    /// its result is `outputOverLimit` (docs/facts.md).
    static let outputLimit = 16 * 1_048_576
    /// The environment variable that tags every process a run starts.
    static let tagVariable = "RIGCTL_RUN"

    static func run(_ argv: [String], input: Data?, timeout: Duration, outputLimit: Int = outputLimit) -> CommandResult {
        guard let program = argv.first, let executable = resolve(program) else {
            return CommandResult(outcome: .notFound)
        }
        var stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1], stdinPipe: [Int32] = [-1, -1]
        guard pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0, pipe(&stdinPipe) == 0 else {
            let reason = String(cString: strerror(errno))
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            return CommandResult(outcome: .failedToStart(reason))
        }
        for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no blocked signals and default actions: a Dispatch worker thread blocks
        // most signals and rigctl ignores SIGPIPE, and both would otherwise pass to the child (a tmux
        // server that never sees SIGTERM cannot be killed with kill-server).
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

        let tag = "\(getpid()).\(UInt64.random(in: 1...UInt64.max))"
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = environment(tag: tag).map { strdup($0) } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArguments, &cEnvironment)
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            return CommandResult(outcome: .failedToStart(String(cString: strerror(spawned))))
        }

        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var session = Session(pid: pid, stdout: stdoutPipe[0], stderr: stderrPipe[0],
                              stdin: input.map { _ in stdinPipe[1] }, input: input ?? Data(), limit: outputLimit)
        if input == nil { close(stdinPipe[1]) }
        let end = session.wait(until: Monotonic.now + max(0, seconds))
        session.closeAll()
        switch end {
        case .finished:
            // The child is a zombie, not yet reaped, so its pid (the group id) cannot be reused yet:
            // what is left of its process group (background jobs) ends with it.
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return CommandResult(outcome: outcome(status), stdout: session.out, stderr: session.err)
        case .deadline, .overLimit:
            tearDown(pid: pid, tag: tag)
            let result: CommandResult.Outcome = end == .deadline ? .timedOut(seconds: seconds) : .outputOverLimit(bytes: outputLimit)
            return CommandResult(outcome: result, stdout: session.out, stderr: session.err)
        }
    }

    /// The exit status as a shell reports it, or the signal that ended the program.
    private static func outcome(_ status: Int32) -> CommandResult.Outcome {
        (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .killed(signal: status & 0x7f)
    }

    /// Kills the process group, reaps the child, then sweeps until no tagged process or descendant is left.
    static func tearDown(pid: pid_t, tag: String) {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var root: pid_t? = pid
        for _ in 0..<20 {
            let found = ProcessTable.scan().members(tag: "\(tagVariable)=\(tag)", descendingFrom: root)
            for member in found { kill(member, SIGKILL) }
            if let child = root {
                var status: Int32 = 0
                if waitpid(child, &status, WNOHANG) == child { root = nil }
            }
            if found.isEmpty && root == nil { return }
            usleep(5_000)
        }
    }

    /// rigctl's environment with this run's tag (replacing one inherited from an outer rigctl).
    private static func environment(tag: String) -> [String] {
        var entries: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if !text.hasPrefix(tagVariable + "=") { entries.append(text) }
            pointer += 1
        }
        return entries + ["\(tagVariable)=\(tag)"]
    }

    /// The executable for `program`: itself when it holds a slash, else the first hit on PATH.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}

/// One running command's pipes and status, pumped by `wait(until:)`.
private struct Session {
    enum End: Equatable { case finished, deadline, overLimit }

    let pid: pid_t
    var stdout: Int32?, stderr: Int32?, stdin: Int32?
    let input: Data
    var written = 0
    let limit: Int
    var out = Data(), err = Data()
    /// Whether the child has exited (it stays a zombie until the caller reaps it).
    var exited = false

    init(pid: pid_t, stdout: Int32, stderr: Int32, stdin: Int32?, input: Data, limit: Int) {
        self.pid = pid
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.input = input
        self.limit = limit
        if let stdin { _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty, let stdin { close(stdin); self.stdin = nil }
    }

    /// Reads both streams and feeds stdin until the child has exited and both pipes are closed,
    /// the deadline passes, or a stream passes the limit.
    mutating func wait(until deadline: Double) -> End {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if !exited { exited = Self.hasExited(pid) }
            if exited, stdout == nil, stderr == nil { return .finished }
            let remaining = deadline - Monotonic.now
            if remaining <= 0 { return .deadline }
            var fds: [pollfd] = []
            for fd in [stdout, stderr].compactMap({ $0 }) { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if let stdin { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            // Short slices while the child is alive, so an exit with the pipes already closed is seen promptly.
            let slice = exited ? remaining : min(remaining, 0.02)
            let ready = poll(&fds, nfds_t(fds.count), Int32(slice * 1000) + 1)
            if ready < 0 && errno != EINTR { return .deadline }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin { feed(); continue }
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.fd == stdout { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                    if out.count > limit || err.count > limit { return .overLimit }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    if entry.fd == stdout { stdout = nil } else { stderr = nil }
                }
            }
        }
    }

    /// Whether the child has exited, without reaping it (`WNOWAIT`).
    static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
        return info._sifields._sigchld.si_pid == pid
    }

    private mutating func feed() {
        guard let fd = stdin else { return }
        let n = input.withUnsafeBytes { bytes in write(fd, bytes.baseAddress! + written, bytes.count - written) }
        if n > 0 { written += n }
        if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
            close(fd)
            stdin = nil
        }
    }

    mutating func closeAll() {
        for fd in [stdout, stderr, stdin].compactMap({ $0 }) { close(fd) }
        stdout = nil; stderr = nil; stdin = nil
    }
}

/// Seconds on the monotonic clock (a wall-clock jump neither shortens nor stretches a timeout).
enum Monotonic {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The processes of this machine as `/proc` shows them: parent and whether the environment carries a tag.
struct ProcessTable {
    struct Entry { var parent: pid_t; var environment: Data }
    var entries: [pid_t: Entry]

    static func scan() -> ProcessTable {
        var entries: [pid_t: Entry] = [:]
        guard let directory = opendir("/proc") else { return ProcessTable(entries: [:]) }
        defer { closedir(directory) }
        let me = getpid()
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard let pid = pid_t(name), pid != me, let parent = parent(of: pid) else { continue }
            entries[pid] = Entry(parent: parent, environment: read("/proc/\(pid)/environ", limit: 1 << 20))
        }
        return ProcessTable(entries: entries)
    }

    /// Every process whose environment holds `tag` (a `NAME=value` entry), and every descendant of
    /// those and of `root`.
    func members(tag: String, descendingFrom root: pid_t?) -> [pid_t] {
        let needle = Data(tag.utf8) + Data([0])
        var found = Set(entries.filter { entry in
            let environment = entry.value.environment
            return environment.starts(with: needle) || environment.firstRange(of: [0] + needle) != nil
        }.keys)
        if let root { found.insert(root) }
        var grew = true
        while grew {
            grew = false
            for (pid, entry) in entries where !found.contains(pid) && found.contains(entry.parent) {
                found.insert(pid)
                grew = true
            }
        }
        if let root { found.remove(root) }
        return found.sorted()
    }

    /// The parent pid from `/proc/PID/stat` (the field after the parenthesised command name).
    private static func parent(of pid: pid_t) -> pid_t? {
        let stat = read("/proc/\(pid)/stat", limit: 4096)
        guard let paren = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = stat[stat.index(after: paren)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 1 else { return nil }
        return pid_t(String(decoding: fields[fields.startIndex + 1], as: UTF8.self))
    }

    private static func read(_ path: String, limit: Int) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return Data() }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < limit {
            #if canImport(Glibc)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            #else
            let n = buffer.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, $0.count) }
            #endif
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }
}
