import RigSpec
import RigSystem
import RigProbe
/// The terraform-plan-like marks of the text report.
enum StatusSymbol {
    static func of(_ status: Finding.Status) -> String {
        switch status {
        case .ok: return "="
        case .drift: return "~"
        case .missing: return "+"
        case .unknown: return "?"
        case .manual: return "!"
        case .incompatible: return "x"
        }
    }

    /// ANSI colour code per status: missing green (to be added), drift yellow (to change),
    /// incompatible red, manual cyan, unknown and ok dim.
    static func color(_ status: Finding.Status) -> String {
        switch status {
        case .missing: return "32"
        case .drift: return "33"
        case .incompatible: return "31"
        case .manual: return "36"
        case .unknown, .ok: return "2"
        }
    }
}
