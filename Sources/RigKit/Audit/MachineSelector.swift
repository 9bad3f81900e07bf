import RigSpec

/// Picks the machine a command is about: the name given on the command line, else the spec
/// whose `hostname` is the live (or recorded) hostname, compared case-insensitively.
public enum MachineSelector {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noSuchMachine(String, known: [String])
        case noHostname(reason: String)
        case noSpecForHostname(String, known: [String])
        case ambiguousHostname(String, machines: [String])

        public var description: String {
            switch self {
            case let .noSuchMachine(name, known):
                return "no machine '\(name)' in machines/ (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
            case .noHostname(let reason):
                return "no machine named and the hostname is unknown (\(reason)); name the machine: rigctl diff MACHINE"
            case let .noSpecForHostname(hostname, known):
                return "no spec has hostname '\(hostname)' (machines: \(known.isEmpty ? "none" : known.joined(separator: ", "))); name the machine or write machines/\(hostname).yaml (rigctl init)"
            case let .ambiguousHostname(hostname, machines):
                return "hostname '\(hostname)' is claimed by \(machines.joined(separator: ", ")); name the machine"
            }
        }
    }

    /// - Parameters:
    ///   - name: the machine named on the command line (its file name without `.yaml`), if any.
    ///   - hostname: the hostname fact of the machine at hand, used only when no name is given.
    public static func select(name: String?, hostname: Fact<String>?, from specs: [MachineSpec]) -> Result<MachineSpec, Failure> {
        let known = specs.map(\.name).sorted()
        if let name {
            guard let spec = specs.first(where: { $0.name == name }) else { return .failure(.noSuchMachine(name, known: known)) }
            return .success(spec)
        }
        guard let hostname, case .value(let live) = hostname else {
            return .failure(.noHostname(reason: hostname?.reason ?? "not probed"))
        }
        let matches = specs.filter { $0.hostname.lowercased() == live.lowercased() }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(.noSpecForHostname(live, known: known))
        default: return .failure(.ambiguousHostname(live, machines: matches.map(\.name).sorted()))
        }
    }
}
