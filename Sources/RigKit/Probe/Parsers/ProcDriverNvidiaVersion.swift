import RigSpec
import FoundationEssentials
import RigSystem

/// `/proc/driver/nvidia/version` (or `/sys/module/nvidia/version`, which holds only the number).
/// The open kernel modules say "Open Kernel Module for x86_64"; the proprietary ones
/// "x86_64 Kernel Module".
package struct ProcDriverNvidiaVersion: Sendable, Equatable {
    package enum Flavor: String, Sendable { case open, proprietary }

    package var version: String
    package var flavor: Flavor
    /// The GCC line, when present.
    package var compiler: String?

    /// Nil when the text has no NVRM line with a version.
    package static func parse(_ text: String) -> ProcDriverNvidiaVersion? {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let nvrm = lines.first(where: { $0.hasPrefix("NVRM version:") }),
              let module = nvrm.firstRange(of: "Kernel Module") else { return nil }
        let words = nvrm[module.upperBound...].split(whereSeparator: \.isWhitespace)
        guard let version = words.first(where: isVersion).map(String.init) else { return nil }
        let flavor: Flavor = nvrm.contains("Open Kernel Module") ? .open : .proprietary
        let compiler = lines.first { $0.hasPrefix("GCC version:") }
            .map { String($0.dropFirst("GCC version:".count)).trimmed }
        return ProcDriverNvidiaVersion(version: version, flavor: flavor, compiler: compiler)
    }

    /// `/sys/module/nvidia/version`: just `550.144.03`.
    package static func moduleVersion(_ text: String) -> String? {
        let version = text.trimmed
        return isVersion(Substring(version)) ? version : nil
    }

    static func isVersion(_ word: Substring) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
