import RigSpec
import RigSystem
/// A part of `Facts` that can be asked for on its own; `diff` asks for what the spec names.
package enum FactGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case os, hostname, cpu, memory, gpus, nvidiaDriver, cuda, storage, board, firmware, packages

    /// Everything `rigctl probe` gathers by default: all but the slow package list.
    package static let standard: Set<FactGroup> = Set(allCases).subtracting([.packages])

    package static func < (lhs: FactGroup, rhs: FactGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
