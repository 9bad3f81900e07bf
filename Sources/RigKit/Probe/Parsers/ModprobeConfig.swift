import RigSpec
import RigSystem

/// modprobe.d(5) files: whether a `blacklist <module>` line (or `install <module> /bin/false`,
/// which NVIDIA's installer writes too) keeps a module from loading. modprobe reads
/// `/etc/modprobe.d`, `/run/modprobe.d` and `/usr/lib/modprobe.d` (`/lib/modprobe.d`), `*.conf` only.
package enum ModprobeConfig {
    package static let directories = ["/etc/modprobe.d", "/run/modprobe.d", "/lib/modprobe.d", "/usr/lib/modprobe.d"]

    package static func blacklists(_ module: String, in text: String) -> Bool {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2, words[1] == module else { continue }
            if words[0] == "blacklist" { return true }
            if words[0] == "install", words.count >= 3, ["/bin/false", "/bin/true", "/usr/bin/false", "/usr/bin/true"].contains(words[2]) {
                return true
            }
        }
        return false
    }
}

/// `/proc/modules`: the loaded kernel modules, one per line, the name first.
package enum ProcModules {
    package static func names(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: \.isNewline).compactMap { $0.split(separator: " ", maxSplits: 1).first.map(String.init) })
    }
}
