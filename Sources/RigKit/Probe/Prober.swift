import RigSpec
import RigSystem
/// One source of facts (a file, a tool): reads through `System`, never throws, and says what it
/// could not see as `unknown` with a reason.
package protocol Prober: Sendable {
    /// The groups this prober fills; the runner starts it only when one of them is wanted.
    var groups: Set<FactGroup> { get }
    /// Gathers its facts; every command it runs gets `timeout`.
    func probe(on system: any System, timeout: Duration) async -> FactsUpdate
    /// Marks its facts unknown when it could not finish (it ran past its deadline).
    func unavailable(_ reason: String) -> FactsUpdate
    /// The kinds of system it reads (Linux: /proc, /sys, dpkg; macOS: sw_vers, sysctl, brew).
    var platforms: Set<DistributionProfile.Platform> { get }
    /// Whether its facts come from running a program (lsblk, nvidia-smi, dpkg-query) rather than
    /// reading files: the runner starts these first, so the programs run while the file readers work.
    var runsCommands: Bool { get }
}

extension Prober {
    package var platforms: Set<DistributionProfile.Platform> { [.linux] }
    package var runsCommands: Bool { false }
}

/// A prober's result: an edit applied to `Facts` in the runner's fixed prober order, so the
/// outcome does not depend on which prober finished first.
package struct FactsUpdate: Sendable {
    let apply: @Sendable (inout Facts) -> Void

    package init(_ apply: @escaping @Sendable (inout Facts) -> Void) {
        self.apply = apply
    }
}

extension System {
    /// A file's text, or the reason it could not be read (`/proc/cpuinfo: permission denied`).
    func readTextResult(_ path: String) -> Result<String, SystemError> {
        do { return .success(try readText(path)) } catch { return .failure(error) }
    }

    /// Whether rigctl runs as root, from `/proc/self/status` (recorded with the host).
    func isRoot() -> Bool {
        guard let status = try? readText("/proc/self/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }) else { return false }
        return line.split(whereSeparator: \.isWhitespace).dropFirst().dropFirst().first == "0"
    }
}

/// What one source gave: its parsed output, or why there is none.
enum Sourced<T> {
    case found(T)
    case failed(String)
}
