import RigSpec
import RigSystem
import RigProbe
/// An NVIDIA compute capability such as 8.6 (`sm_86`).
package struct ComputeCapability: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let major: Int
    package let minor: Int

    package init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `8.6`
    package var description: String { "\(major).\(minor)" }
    /// `sm_86`
    package var smName: String { "sm_\(major)\(minor)" }

    package static func < (lhs: ComputeCapability, rhs: ComputeCapability) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
