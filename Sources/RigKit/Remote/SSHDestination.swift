import RigSpec
import RigSystem

/// Where `ssh` connects: a host, an optional user and port, from a spec's `ssh:` or from
/// `rigctl init --ssh [USER@]HOST[:PORT]`. Everything else (keys, agent, jump hosts, host key
/// policy) is the user's own `~/.ssh/config`; rigctl adds no option that changes it.
package struct SSHDestination: Sendable, Equatable, CustomStringConvertible {
    package var host: String
    package var user: String?
    package var port: Int?

    /// Refuses what `ssh` or `scp` would read as an option or a second argument: a leading `-`,
    /// whitespace, control characters, or the characters that split `user@host:path`.
    package init(host: String, user: String? = nil, port: Int? = nil) throws(SSHDestinationError) {
        guard Self.isPlain(host, allowingColons: true), !host.isEmpty else { throw .badHost(host) }
        if let user { guard Self.isPlain(user, allowingColons: false), !user.isEmpty, !user.contains("@") else { throw .badUser(user) } }
        if let port { guard (1...65535).contains(port) else { throw .badPort(String(port)) } }
        self.host = host
        self.user = user
        self.port = port
    }

    package init(_ ssh: MachineSpec.SSH) throws(SSHDestinationError) {
        try self.init(host: ssh.host, user: ssh.user, port: ssh.port)
    }

    /// `[USER@]HOST[:PORT]`, `[USER@][V6ADDRESS]:PORT`, as on the command line.
    package init(parsing text: String) throws(SSHDestinationError) {
        var rest = Substring(text)
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        var port: Int?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .badHost(String(rest)) }
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else { throw .badPort(String(after.dropFirst())) }
                port = number
            }
            rest = rest[rest.index(after: rest.startIndex)..<close]
        } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
            guard let number = Int(rest[rest.index(after: colon)...]) else { throw .badPort(String(rest[rest.index(after: colon)...])) }
            port = number
            rest = rest[..<colon]
        }
        try self.init(host: String(rest), user: user, port: port)
    }

    /// `user@host` for ssh (the port goes in `-p`).
    package var target: String { (user.map { "\($0)@" } ?? "") + host }

    /// `user@host:` (or `user@[v6]:`) for scp, before a remote path.
    package var scpPrefix: String { (user.map { "\($0)@" } ?? "") + (host.contains(":") ? "[\(host)]" : host) + ":" }

    package var description: String { target + (port.map { ":\($0)" } ?? "") }

    private static func isPlain(_ text: String, allowingColons: Bool) -> Bool {
        guard !text.hasPrefix("-") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "%": return true
            case ":": return allowingColons
            default: return false
            }
        }
    }
}

package enum SSHDestinationError: Error, Equatable, CustomStringConvertible {
    case badHost(String)
    case badUser(String)
    case badPort(String)

    package var description: String {
        switch self {
        case .badHost(let host): "ssh host '\(UntrustedText.escaped(host))' is not a host name or address (letters, digits, '.', '-', '_', ':'; not starting with '-')"
        case .badUser(let user): "ssh user '\(UntrustedText.escaped(user))' is not a user name (letters, digits, '.', '-', '_'; not starting with '-')"
        case .badPort(let port): "ssh port '\(UntrustedText.escaped(port))' is not a number from 1 to 65535"
        }
    }
}
