import RigSpec
import RigSystem
import RigProbe

extension Version {
    /// `components`, written as a dotted version; nil only if a component is negative or too long.
    static func of(_ components: [Int]) -> Version? {
        Version(components.map(String.init).joined(separator: "."))
    }

    /// The first `count` components, padded with zeros: `570.124.06` to 1 → `570`, `12` to 2 → `12.0`.
    func truncated(to count: Int) -> Version {
        let kept = Array(components.prefix(count)) + Array(repeating: 0, count: max(0, count - components.count))
        return Version.of(kept) ?? self
    }
}

extension VersionConstraint {
    /// True when the oldest version this constraint accepts, compared at the precision it is
    /// written in, is at least `required`. A branch pin (`570`) installs the newest release of
    /// that branch, so it meets 570.26; `570.100` does not meet 570.124.06; `>=565` does not meet 570.
    func floorMeets(_ required: Version) -> Bool {
        required.truncated(to: version.components.count) <= version
    }
}
