import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
/// A YAML value for the playbooks and inventory rigctl writes. Serialized deterministically
/// by `YAMLWriter`; every string is quoted or a literal block, so no value can change type or meaning.
/// Only `commented` is boxed (`indirect`): lists and maps hold their nodes in arrays already, and a
/// playbook has hundreds of scalars, each of which would otherwise be a heap allocation.
package enum YAMLNode: Sendable, Equatable {
    /// A string: double-quoted, or a literal block (`|`) when multi-line text reads as it is.
    case string(String)
    /// A string Ansible must never template (`!unsafe`): file contents written for the user.
    case unsafeString(String)
    /// A Jinja expression written as a folded block (`>-`), one line per element.
    case expression([String])
    case bool(Bool)
    case int(Int)
    /// A word written bare: module names' fixed values such as `present`, `restarted`.
    case word(String)
    case list([YAMLNode])
    case map([(String, YAMLNode)])
    /// A node with a comment at the end of its first line (`# noqa: rule` for ansible-lint).
    indirect case commented(YAMLNode, String)

    package static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.unsafeString(let a), .unsafeString(let b)), (.word(let a), .word(let b)):
            return a == b
        case (.expression(let a), .expression(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.commented(let a, let x), .commented(let b, let y)): return a == b && x == y
        case (.map(let a), .map(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
