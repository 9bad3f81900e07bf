import FoundationEssentials
import RigText
import RigSystem
import RigEmit
import RigRemote

/// `rigctl init --ssh [USER@]HOST[:PORT]`: the starting spec of a machine that has no spec yet,
/// from its own probe. rigctl copies itself there (a private temporary directory, removed
/// afterwards), runs `rigctl init` and adds the `ssh:` section it was reached by.
package struct RemoteInit: Sendable {
    package var destination: SSHDestination
    package var binary: String?
    package var local: any System
    package var probeTimeout: Duration
    package var progress: @Sendable (String) -> Void

    package init(destination: SSHDestination, binary: String?, local: any System, probeTimeout: Duration, progress: @escaping @Sendable (String) -> Void) {
        self.destination = destination
        self.binary = binary
        self.local = local
        self.probeTimeout = probeTimeout
        self.progress = progress
    }

    /// The spec's YAML.
    package func run() async -> Result<String, Refusal> {
        let session = SSHSession(destination: destination, system: local)
        let rigctl: RemoteBinary
        switch await RemoteRun.binary(for: session, option: binary, local: local) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): rigctl = found
        }
        let staging: String
        do { staging = try RemoteRun.makeTemporaryDirectory() } catch { return .failure(Refusal("cannot make a temporary directory: \(error)")) }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        progress("probing \(destination) with rigctl (\(rigctl.architecture))")
        let seconds = Double(probeTimeout.components.seconds) + Double(probeTimeout.components.attoseconds) / 1e18
        return await RemoteRun.inWorkspace(session, rigctl: rigctl, staging: staging, uploading: [], progress: progress) { directory in
            // Every probe source may take its timeout; twenty of them is a generous bound.
            let probed = await session.capture("\(ShellQuote.quote(directory))/rigctl init --timeout \(seconds)", timeout: probeTimeout * 20 + .seconds(30))
            guard probed.succeeded else { return .failure(Refusal("rigctl init on \(destination) failed: \(RemoteRun.why(probed, program: "rigctl init"))")) }
            return .success(Self.addingSSH(destination, to: probed.output))
        }
    }

    /// `yaml` with `ssh: { host: …, user: …, port: … }` after its `hostname:` line.
    static func addingSSH(_ destination: SSHDestination, to yaml: String) -> String {
        var fields = ["host: \(YAMLWriter.quote(destination.host))"]
        if let user = destination.user { fields.append("user: \(YAMLWriter.quote(user))") }
        if let port = destination.port { fields.append("port: \(port)") }
        let line = "ssh: { \(fields.joined(separator: ", ")) }"
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = lines.firstIndex { $0.hasPrefix("hostname:") }.map { $0 + 1 } ?? min(lines.count, 1)
        lines.insert(line, at: at)
        return lines.joined(separator: "\n")
    }
}
