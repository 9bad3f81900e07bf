import RigSpec
import RigSystem
/// One observed fact: a value, or `unknown` with the reason it could not be seen.
///
/// JSON: `{"value": …}` or `{"unknown": "reason"}` — exactly one key, so a reader never
/// confuses "absent" with "zero".
///
/// The conformances are conditional rather than constraints on `Value`: a constrained generic type's
/// metadata checks each constraint at run time, and the first check of each type scans every
/// conformance record in the binary (about 8 % of `probe`'s CPU, measured with perf).
package enum Fact<Value> {
    case value(Value)
    case unknown(String)

    /// The value, or nil when unknown.
    package var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// Why the fact is unknown, or nil when it is known.
    package var reason: String? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }

    /// A value when `value` is non-nil, else `unknown(reason)`.
    package init(_ value: Value?, else reason: @autoclosure () -> String) {
        self = value.map(Fact.value) ?? .unknown(reason())
    }

    /// The same fact with its value transformed; an unknown stays unknown with its reason.
    package func map<Other>(_ transform: (Value) -> Other) -> Fact<Other> {
        switch self {
        case .value(let value): return .value(transform(value))
        case .unknown(let reason): return .unknown(reason)
        }
    }

}

extension Fact: Sendable where Value: Sendable {}
extension Fact: Equatable where Value: Equatable {}

extension Fact: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case value, unknown }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let reason = try container.decodeIfPresent(String.self, forKey: .unknown) {
            self = .unknown(reason)
        } else {
            self = .value(try container.decode(Value.self, forKey: .value))
        }
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .value(let value): try container.encode(value, forKey: .value)
        case .unknown(let reason): try container.encode(reason, forKey: .unknown)
        }
    }
}

extension Fact {
    /// The placeholder a group starts with before its prober has run.
    static var notProbed: Fact { .unknown("not probed") }
}
