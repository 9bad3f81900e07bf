import RigSpec
import RigSystem
import RigProbe

/// One judgement about one spec key: from comparing the spec with live facts (`diff`, `audit`)
/// or from a compatibility rule over the spec alone (`validate`).
///
/// `status` says what was found, `severity` how much it matters. Compatibility rules report
/// `incompatible` (a rule is violated; error, or warning when it may still work) and `unknown`
/// (rigctl's tables cannot judge it; always a warning). Rules report only problems: a spec
/// that passes a rule yields no finding.
package struct Finding: Sendable, Equatable, Codable {
    /// What was found for the key.
    package enum Status: String, Sendable, Codable, CaseIterable {
        /// The machine matches the spec.
        case ok
        /// The machine has a different value than the spec.
        case drift
        /// The spec wants something the machine does not have.
        case missing
        /// The value could not be known (a probe failed, or a table does not cover it).
        case unknown
        /// Only a person can confirm it (a BIOS setting no probe can see).
        case manual
        /// Parts or versions in the spec do not work together.
        case incompatible
    }

    /// How much a finding matters; `error` fails `validate` and `audit`.
    package enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The machine's name (its spec file name without `.yaml`).
    package var machine: String {
        get { storage.machine }
        set { unique().machine = newValue }
    }
    /// The spec key the finding is about, as written in YAML (`drivers.nvidia.version`).
    package var keyPath: SpecKeyPath {
        get { storage.keyPath }
        set { unique().keyPath = newValue }
    }
    /// What the spec (or the rule) wants, for display.
    package var expected: String? {
        get { storage.expected }
        set { unique().expected = newValue }
    }
    /// What was found, for display.
    package var actual: String? {
        get { storage.actual }
        set { unique().actual = newValue }
    }
    package var status: Status {
        get { storage.status }
        set { unique().status = newValue }
    }
    package var severity: Severity {
        get { storage.severity }
        set { unique().severity = newValue }
    }
    /// Where the key (or its nearest written parent) is in the spec file.
    package var location: SourceLocation? {
        get { storage.location }
        set { unique().location = newValue }
    }
    /// A sentence a person understands, with the numbers behind it.
    package var message: String {
        get {
            switch storage.text {
            case .written(let message): return message
            case let .lead(lead, details): return lead + "; " + details()
            }
        }
        set { unique().text = .written(newValue) }
    }
    /// The message up to its first `;`: the whole message, or its lead without writing out its details.
    package var messageUpToFirstSemicolon: Substring {
        // The details follow the lead as `; …`: when the lead ends in ASCII, that `;` starts a character of
        // its own (no grapheme joins an ASCII letter to what follows), so the first `;` is in the lead or is that one.
        if case .lead(let lead, _) = storage.text, let last = lead.unicodeScalars.last, last.isASCII {
            return Self.upToFirstSemicolon(lead)
        }
        return Self.upToFirstSemicolon(message)
    }
    /// The compatibility rule that made this finding (`cuda-min-driver`); nil for diff findings.
    package var rule: String? {
        get { storage.rule }
        set { unique().rule = newValue }
    }

    /// The fields, shared by copies until one of them changes: `audit` makes tens of thousands of findings and
    /// moves each through grouping, sorting and joining, and a copy of ten fields retained and released each of
    /// their strings (copying and destroying findings was about 8 % of `audit`, much of it on one core).
    private var storage: Storage

    /// Copy-on-write: changed only through `unique()`, so a `Storage` another finding shares is never written.
    private final class Storage: @unchecked Sendable {
        var machine: String
        var keyPath: SpecKeyPath
        var expected: String?
        var actual: String?
        var status: Status
        var severity: Severity
        var location: SourceLocation?
        var text: Text
        var rule: String?

        init(machine: String, keyPath: SpecKeyPath, expected: String?, actual: String?, status: Status, severity: Severity,
             location: SourceLocation?, text: Text, rule: String?) {
            self.machine = machine
            self.keyPath = keyPath
            self.expected = expected
            self.actual = actual
            self.status = status
            self.severity = severity
            self.location = location
            self.text = text
            self.rule = rule
        }

        func copy() -> Storage {
            Storage(machine: machine, keyPath: keyPath, expected: expected, actual: actual, status: status, severity: severity,
                    location: location, text: text, rule: rule)
        }
    }

    /// The storage, copied first when another finding shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The message as it was written, or as a lead and details written out when the message is read
    /// (a workload verdict's numbers: `validate` shows only the lead, and most findings are never printed).
    private enum Text: Sendable {
        case written(String)
        case lead(String, details: @Sendable () -> String)
    }

    package init(machine: String, keyPath: SpecKeyPath, expected: String? = nil, actual: String? = nil,
                status: Status, severity: Severity, location: SourceLocation? = nil,
                message: String, rule: String? = nil) {
        self.init(machine: machine, keyPath: keyPath, expected: expected, actual: actual, status: status, severity: severity,
                  location: location, text: .written(message), rule: rule)
    }

    private init(machine: String, keyPath: SpecKeyPath, expected: String?, actual: String?,
                 status: Status, severity: Severity, location: SourceLocation?, text: Text, rule: String?) {
        storage = Storage(machine: machine, keyPath: keyPath, expected: expected, actual: actual, status: status,
                          severity: severity, location: location, text: text, rule: rule)
    }

    /// A finding about `keyPath` of `spec` whose message is `lead` + `; ` + `details()`, the details
    /// written out only when the message is read.
    package init(spec: MachineSpec, keyPath: SpecKeyPath, expected: String? = nil, actual: String? = nil,
                status: Status, severity: Severity, lead: String, details: @escaping @Sendable () -> String, rule: String? = nil) {
        self.init(machine: spec.name, keyPath: keyPath, expected: expected, actual: actual, status: status, severity: severity,
                  location: spec.locations.nearest(keyPath.rawValue), text: .lead(lead, details: details), rule: rule)
    }

    package static func == (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.machine == rhs.machine && lhs.keyPath == rhs.keyPath && lhs.expected == rhs.expected && lhs.actual == rhs.actual
            && lhs.status == rhs.status && lhs.severity == rhs.severity && lhs.location == rhs.location
            && lhs.rule == rhs.rule && lhs.message == rhs.message
    }

    /// `text` up to its first `;` character (all of it without one).
    package static func upToFirstSemicolon(_ text: String) -> Substring {
        let utf8 = text.utf8
        guard let cut = utf8.firstIndex(of: UInt8(ascii: ";")) else { return text[...] }
        // A `;` byte between ASCII bytes (or an end) is a character of its own: no grapheme rule joins an
        // ASCII scalar to its neighbour. Any `;` character starts with the first `;` byte, so this is the first.
        let before = cut == utf8.startIndex ? 0 : utf8[utf8.index(before: cut)]
        let next = utf8.index(after: cut)
        let after = next == utf8.endIndex ? 0 : utf8[next]
        guard before < 0x80, after < 0x80 else { return text.prefix { $0 != ";" } }
        return text[..<cut]
    }

    /// A finding about `keyPath` of `spec`, located at the key or its nearest written parent.
    package init(spec: MachineSpec, keyPath: SpecKeyPath, expected: String? = nil, actual: String? = nil,
                status: Status, severity: Severity, message: String, rule: String? = nil) {
        self.init(machine: spec.name, keyPath: keyPath, expected: expected, actual: actual,
                  status: status, severity: severity, location: spec.locations.nearest(keyPath.rawValue),
                  message: message, rule: rule)
    }

    /// The deterministic report order: machine, then place in the file (unlocated last),
    /// then key path, rule and message, so equal inputs always print the same way.
    package static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.machine != rhs.machine { return lhs.machine < rhs.machine }
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if lhs.keyPath != rhs.keyPath { return lhs.keyPath < rhs.keyPath }
        if lhs.rule != rhs.rule { return (lhs.rule ?? "") < (rhs.rule ?? "") }
        return lhs.message < rhs.message
    }

    private enum CodingKeys: String, CodingKey {
        case machine, keyPath, expected, actual, status, severity, location, message, rule
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(machine: try container.decode(String.self, forKey: .machine),
                  keyPath: try container.decode(SpecKeyPath.self, forKey: .keyPath),
                  expected: try container.decodeIfPresent(String.self, forKey: .expected),
                  actual: try container.decodeIfPresent(String.self, forKey: .actual),
                  status: try container.decode(Status.self, forKey: .status),
                  severity: try container.decode(Severity.self, forKey: .severity),
                  location: try container.decodeIfPresent(JSONReport.EncodedLocation.self, forKey: .location)?.location,
                  text: .written(try container.decode(String.self, forKey: .message)),
                  rule: try container.decodeIfPresent(String.self, forKey: .rule))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(machine, forKey: .machine)
        try container.encode(keyPath, forKey: .keyPath)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encodeIfPresent(actual, forKey: .actual)
        try container.encode(status, forKey: .status)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(location.map(JSONReport.EncodedLocation.init), forKey: .location)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(rule, forKey: .rule)
    }
}

extension Array where Element == Finding {
    /// The findings in report order (see `Finding.precedes`).
    package func sortedForReport() -> [Finding] {
        // The positions are sorted, not the findings (`audit` sorts tens of thousands): the same
        // comparisons in the same algorithm give the same order.
        indices.sorted { Finding.precedes(self[$0], self[$1]) }.map { self[$0] }
    }
}
