import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigAudit
import RigRemote
import RigEmit
import RigSpec
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rigctl apply|diff|snapshot MACHINE --ssh`: the same command, run on the machine itself over
/// the user's SSH. The machine's spec (its file and every file it includes, read through the one
/// loader) and its build logs go, with rigctl's own static binary, into a private temporary
/// directory on the remote (mktemp -d, mode 0700); the command runs there on this terminal; the
/// build log and facts.json it wrote come back into `build-logs/<machine>/`; the directory is
/// removed, also when the command failed or the connection was lost.
package struct RemoteRun: Sendable {
    package enum Command: String, Sendable {
        case apply, diff, snapshot

        /// The files of `build-logs/<machine>/` this command writes on the remote.
        func bringsBack(_ name: String, uploaded: Set<String>) -> Bool {
            switch self {
            case .apply: return name == "facts.json" || (!uploaded.contains(name) && name.hasSuffix(".md"))
            case .snapshot: return name == "facts.json"
            case .diff: return false
            }
        }
    }

    package struct Outcome: Sendable {
        /// The remote rigctl's exit status.
        package var status: Int32
        /// The files written into the local repository, relative to its root.
        package var broughtBack: [String]
    }

    package var pipeline: Pipeline
    /// The rigctl to copy; default: the one running.
    package var binary: String?
    /// Where the staging directory and the ssh calls go (always the live machine, also for `diff`,
    /// whose repository is read-only).
    package var local: any System
    package var progress: @Sendable (String) -> Void

    package init(pipeline: Pipeline, binary: String?, local: any System, progress: @escaping @Sendable (String) -> Void) {
        self.pipeline = pipeline
        self.binary = binary
        self.local = local
        self.progress = progress
    }

    /// The largest file brought back (a build log or facts.json is a few hundred KiB at most).
    static let bringBackLimit = 16 * 1_048_576

    package func run(_ command: Command, machine argument: String, arguments: [String]) async -> Result<Outcome, Refusal> {
        let repository = pipeline.repository
        // The machine's spec through a loader that notes every file it reads: those go over.
        let recorder = ReadRecorder()
        let read = Repository.specReader(repository.system)
        let system = repository.system
        let loader = SpecLoader(read: { path in
            recorder.add(path)
            return read(path)
        }, realPath: { system.realPath($0) })
        let spec: MachineSpec
        switch MachineSelector.file(for: argument, in: repository) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let specFile):
            switch pipeline.validator.judge(specFile, loader: loader) {
            case .success(let machine): spec = machine.spec
            case .failure(let error):
                return .failure(Refusal("\(repository.relative(specFile)) cannot be used; fix the spec first", diagnostics: error.diagnostics.sorted()))
            }
        }
        let file = repository.relative(spec.file)
        guard let ssh = spec.ssh else {
            return .failure(Refusal("\(file) has no ssh: section, so rigctl cannot reach \(spec.name); add one, e.g. ssh: { host: \(spec.hostname), user: me }"))
        }
        let destination: SSHDestination
        do { destination = try SSHDestination(ssh) } catch { return .failure(Refusal("\(file): \(error)")) }
        let session = SSHSession(destination: destination, system: local)
        let rigctl: RemoteBinary
        switch await Self.binary(for: session, option: binary, local: local) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): rigctl = found
        }

        // Stage what goes over: the spec's files at their place in the repository, the build logs.
        let staging: String
        do { staging = try Self.makeTemporaryDirectory() } catch { return .failure(Refusal("cannot make a temporary directory: \(error)")) }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        var uploaded: Set<String> = []
        do {
            for path in recorder.paths {
                let relative = repository.relative(path)
                guard !relative.hasPrefix("/"), !relative.hasPrefix("..") else {
                    return .failure(Refusal("\(file) reads \(path), which is outside the repository; nothing was copied"))
                }
                try local.writeFile("\(staging)/repo/\(relative)", try repository.system.readFile(path), mode: 0o644)
            }
            let logs = "build-logs/\(spec.name)"
            for name in (try? repository.system.listDirectory(repository.path(logs))) ?? [] where Self.isPlainName(name) {
                let path = repository.path("\(logs)/\(name)")
                guard !repository.system.fileExists(path + "/"), let data = try? repository.system.readFile(path) else { continue }
                try local.writeFile("\(staging)/repo/\(logs)/\(name)", data, mode: 0o644)
                uploaded.insert(name)
            }
            try local.createDirectory("\(staging)/repo/\(logs)")
        } catch {
            return .failure(Refusal("cannot stage the files for \(destination): \(error)"))
        }
        progress("copying rigctl (\(rigctl.architecture)), \(file) (\(recorder.paths.count) spec file\(recorder.paths.count == 1 ? "" : "s")) "
            + "and \(uploaded.count) build-log file\(uploaded.count == 1 ? "" : "s") to \(destination)")
        return await Self.inWorkspace(session, rigctl: rigctl, staging: staging, uploading: ["\(staging)/repo"], progress: progress) { directory in
            // Run from inside the repository copy, so the remote names its files as the desk does ("build-logs/…").
            let remoteCommand = (["cd", ShellQuote.quote(directory + "/repo"), "&&", "exec", "../rigctl", command.rawValue, ShellQuote.quote(spec.name), "--repo", "."]
                + arguments.map(ShellQuote.quote)).joined(separator: " ")
            var outcome = Outcome(status: 0, broughtBack: [])
            switch session.interactive(remoteCommand) {
            case .notStarted(let why): return .failure(Refusal(why))
            case .killed(let signal): return .failure(Refusal("ssh was killed (signal \(signal)); the remote \(command.rawValue) may have stopped half-way: run it again, it resumes", status: .findings))
            case .exited(255):
                return .failure(Refusal("the connection to \(destination) failed or was lost (ssh exit 255); "
                    + (command == .apply ? "the remote apply stopped where it was: run it again, it resumes there" : "run it again"), status: .findings))
            case .exited(let status): outcome.status = status
            }
            return await bringBack(command, spec: spec, from: "\(directory)/repo/build-logs/\(spec.name)", uploaded: uploaded,
                                   session: session, staging: staging).map { files in
                outcome.broughtBack = files
                return outcome
            }
        }
    }

    /// The rigctl to copy for the machine `session` reaches: `option` or the running one, when it
    /// is built for the remote's architecture (`uname -m`).
    static func binary(for session: SSHSession, option: String?, local: any System) async -> Result<RemoteBinary, Refusal> {
        let destination = session.destination
        // The architecture first: no copy is worth making for a binary that cannot run there.
        let uname = await session.capture("uname -m")
        guard uname.succeeded else { return .failure(Refusal("cannot reach \(destination) over ssh: \(why(uname, program: "ssh"))")) }
        let remote = UntrustedText.escaped(uname.output.trimmed(.whitespacesAndNewlines), limit: 40)
        let rigctl: RemoteBinary
        switch RemoteBinary.inspect(option ?? RemoteBinary.running, system: local) {
        case .failure(let error): return .failure(Refusal("cannot copy rigctl: \(error)"))
        case .success(let found): rigctl = found
        }
        guard rigctl.architecture == canonical(remote) else {
            return .failure(Refusal("\(destination) is \(remote), but \(rigctl.path) is built for \(rigctl.architecture): "
                + "build rigctl for \(remote) (scripts/release on such a machine, or with a Swift SDK for it; see the README, "
                + "\"A fresh machine\") and pass it with --remote-binary FILE"))
        }
        return .success(rigctl)
    }

    /// Makes a private directory on the remote (mktemp -d under a 077 umask), copies rigctl and
    /// `uploading` into it, checks that the copy runs, calls `body` with the directory, and removes
    /// the directory whatever happened.
    static func inWorkspace<T: Sendable>(_ session: SSHSession, rigctl: RemoteBinary, staging: String, uploading: [String],
                                         progress: @Sendable (String) -> Void,
                                         _ body: (String) async -> Result<T, Refusal>) async -> Result<T, Refusal> {
        let destination = session.destination
        do {
            try? FileManager.default.removeItem(atPath: "\(staging)/rigctl")
            try FileManager.default.createSymbolicLink(atPath: "\(staging)/rigctl", withDestinationPath: rigctl.path)
        } catch {
            return .failure(Refusal("cannot stage rigctl: \(error)"))
        }
        let made = await session.capture(#"umask 077 && mktemp -d "${TMPDIR:-/tmp}/rigctl.XXXXXXXXXX""#)
        let directory = made.output.trimmed(.whitespacesAndNewlines)
        guard made.succeeded, isPlainPath(directory) else {
            return .failure(Refusal("cannot make a temporary directory on \(destination): \(why(made, program: "mktemp"))"))
        }
        let quoted = ShellQuote.quote(directory)
        let result: Result<T, Refusal> = await {
            let copied = await session.upload(["\(staging)/rigctl"] + uploading, to: directory, timeout: .seconds(600))
            guard copied.succeeded else { return .failure(Refusal("cannot copy to \(destination): \(why(copied, program: "scp"))")) }
            let version = await session.capture("\(quoted)/rigctl --version")
            guard version.succeeded else {
                return .failure(Refusal("the copied rigctl does not run on \(destination): \(why(version, program: "rigctl")); "
                    + "copy a static release build (scripts/release) with --remote-binary FILE"))
            }
            return await body(directory)
        }()
        let removed = await session.capture("rm -rf -- \(quoted)")
        if !removed.succeeded { progress("could not remove \(directory) on \(destination) (\(why(removed, program: "rm"))); remove it by hand") }
        return result
    }

    /// Copies what the remote command wrote back into `build-logs/<machine>/`.
    private func bringBack(_ command: Command, spec: MachineSpec, from directory: String, uploaded: Set<String>,
                           session: SSHSession, staging: String) async -> Result<[String], Refusal> {
        guard command != .diff else { return .success([]) }
        let listing = await session.capture("cd \(ShellQuote.quote(directory)) && for f in *; do [ -f \"$f\" ] && printf '%s\\n' \"$f\"; done; true")
        guard listing.succeeded else { return .failure(Refusal("cannot list the results on \(session.destination): \(Self.why(listing, program: "ssh"))", status: .findings)) }
        var names = listing.output.split(separator: "\n").map(String.init).filter { Self.isPlainName($0) && command.bringsBack($0, uploaded: uploaded) }
        // An apply that wrote no build log (a dry run, a refusal) changed no facts.json either.
        if command == .apply && !names.contains(where: { $0.hasSuffix(".md") }) { names = [] }
        var written: [String] = []
        for name in names.sorted() {
            let target = "\(staging)/back-\(name)"
            let copied = await session.download("\(directory)/\(name)", to: target)
            guard copied.succeeded else { return .failure(Refusal("cannot copy \(name) back: \(Self.why(copied, program: "scp"))", status: .findings)) }
            let relative = "build-logs/\(spec.name)/\(name)"
            do {
                let data = try local.readFile(target)
                guard data.count <= Self.bringBackLimit else { return .failure(Refusal("\(name) from \(session.destination) is over 16 MiB; not kept", status: .findings)) }
                if name == "facts.json" {
                    do { _ = try RecordedFacts.load(target, system: local) } catch {
                        return .failure(Refusal("facts.json from \(session.destination) cannot be read: \(error)", status: .findings))
                    }
                }
                try pipeline.repository.system.writeFile(pipeline.repository.path(relative), data, mode: 0o644)
            } catch {
                return .failure(Refusal("cannot write \(relative): \(error.reason)", status: .findings))
            }
            written.append(relative)
        }
        return .success(written)
    }

    /// `uname -m` names; `arm64` is what some kernels (and macOS) call aarch64.
    static func canonical(_ architecture: String) -> String { architecture == "arm64" ? "aarch64" : architecture }

    /// A build-log file name as rigctl writes them (no slash, no leading dot, nothing to escape).
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.utf8.count <= 200 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-+".unicodeScalars.contains($0) }
    }

    /// mktemp's answer: an absolute path of plain characters.
    static func isPlainPath(_ path: String) -> Bool {
        path.hasPrefix("/") && path.utf8.count <= 400 && !path.contains("..")
            && path.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0) }
    }

    static func why(_ result: CommandResult, program: String) -> String {
        let said = result.errorOutput.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }
            .map { UntrustedText.escaped($0.trimmed(.whitespacesAndNewlines), limit: 300) }
        switch result.outcome {
        case .exited(let status): return said ?? "\(program) exited with status \(status)"
        default: return result.failureReason(program: program) ?? said ?? "\(program) failed"
        }
    }

    static func makeTemporaryDirectory() throws -> String {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((temporary + "/rigctl-ssh.XXXXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return String(cString: made)
    }
}

/// Every path the spec loader read, in order, once.
final class ReadRecorder: @unchecked Sendable {
    private let lock = Lock()
    private var seen: [String] = []

    func add(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        if !seen.contains(path) { seen.append(path) }
    }

    var paths: [String] {
        lock.lock(); defer { lock.unlock() }
        return seen
    }
}
