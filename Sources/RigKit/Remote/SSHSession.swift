import FoundationEssentials
import RigText
import RigSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's own OpenSSH, `ssh` and `scp` from PATH, pointed at one destination. Their keys,
/// agent and `~/.ssh/config` apply; host key checking stays their policy (rigctl never passes
/// `StrictHostKeyChecking` or `UserKnownHostsFile`). Calls whose output rigctl reads run with
/// `BatchMode=yes`: they run in their own process group, away from the terminal, where ssh
/// could not ask for a password or a host key confirmation anyway, so it fails at once instead.
package struct SSHSession: Sendable {
    package var destination: SSHDestination
    /// Reads and runs through this door (captured calls).
    package var system: any System
    package var timeout: Duration

    package init(destination: SSHDestination, system: any System, timeout: Duration = .seconds(60)) {
        self.destination = destination
        self.system = system
        self.timeout = timeout
    }

    /// `ssh -o BatchMode=yes -T [-p PORT] -- user@host COMMAND`; COMMAND is one shell string for the remote.
    package func capture(_ command: String, timeout: Duration? = nil) async -> CommandResult {
        await system.run(["ssh", "-o", "BatchMode=yes", "-T"] + portOption("-p") + ["--", destination.target, command],
                         input: nil, timeout: timeout ?? self.timeout)
    }

    /// Copies local `files` (directories with their contents) into the remote `directory`, modes kept.
    package func upload(_ files: [String], to directory: String, timeout: Duration) async -> CommandResult {
        await system.run(["scp", "-o", "BatchMode=yes", "-q", "-r", "-p"] + portOption("-P") + ["--"] + files + [destination.scpPrefix + directory + "/"],
                         input: nil, timeout: timeout)
    }

    /// Copies the remote `file` to the local `target`.
    package func download(_ file: String, to target: String) async -> CommandResult {
        await system.run(["scp", "-o", "BatchMode=yes", "-q"] + portOption("-P") + ["--", destination.scpPrefix + file, target],
                         input: nil, timeout: timeout)
    }

    /// Runs `command` on the remote with this terminal: stdin, stdout and stderr are rigctl's own,
    /// so progress streams as it comes and prompts (the BIOS checklist, sudo) reach the person.
    /// With a terminal, ssh gets `-t` (a remote TTY) and may ask for a password itself; without
    /// one, `-T` and `BatchMode=yes`. Returns ssh's exit status: the remote command's, or 255
    /// when the connection failed or was lost.
    package func interactive(_ command: String) -> InteractiveOutcome {
        let terminal = isatty(STDIN_FILENO) == 1
        let argv = ["ssh"] + (terminal ? ["-t"] : ["-T", "-o", "BatchMode=yes"]) + portOption("-p") + ["--", destination.target, command]
        guard let executable = Self.resolve("ssh") else { return .notStarted("ssh is not installed (OpenSSH client: apt-get install openssh-client)") }
        // ^C belongs to the remote command (with a TTY ssh forwards it); rigctl stays to clean up.
        let previous = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previous) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, nil, &attributes, cArguments, environ)
        guard spawned == 0 else { return .notStarted("cannot start ssh: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .killed(status & 0x7f)
    }

    package enum InteractiveOutcome: Sendable, Equatable {
        case exited(Int32)
        case killed(Int32)
        case notStarted(String)
    }

    private func portOption(_ flag: String) -> [String] { destination.port.map { [flag, String($0)] } ?? [] }

    private static func resolve(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { access($0, X_OK) == 0 }
    }
}
