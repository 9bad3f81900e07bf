import RigSpec
import RigSystem
import RigProbe
/// An NVIDIA compute capability such as 8.6 (`sm_86`).
public struct ComputeCapability: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `8.6`
    public var description: String { "\(major).\(minor)" }
    /// `sm_86`
    public var smName: String { "sm_\(major)\(minor)" }

    public static func < (lhs: ComputeCapability, rhs: ComputeCapability) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
