import RigSpec
import RigSystem
/// A part of `Facts` that can be asked for on its own; `diff` asks for what the spec names.
package enum FactGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case os, hostname, cpu, memory, gpus, nvidiaDriver, cuda, storage, board, firmware, packages, driverHealth, python, rocm, containers

    /// Everything `rigctl probe` gathers by default: all but the slow package list and the driver
    /// health checks (`--health`; `diff` asks for them when the spec names an NVIDIA driver), and
    /// the Python environment, which only a spec's `python.path` locates, ROCm (`diff` asks for it
    /// when the spec names `drivers.rocm`) and the containers (when the spec has `containers:`).
    package static let standard: Set<FactGroup> = Set(allCases).subtracting([.packages, .driverHealth, .python, .rocm, .containers])

    package static func < (lhs: FactGroup, rhs: FactGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
