import RigSpec
import FoundationEssentials

/// An Apple Silicon Mac's chip: `sysctl` and `system_profiler` (docs/facts.md, "Mac").
package struct ChipFacts: Sendable, Equatable, Codable {
    /// `machdep.cpu.brand_string`: `Apple M2 Ultra`.
    package var model: Fact<String> = .notProbed
    /// system_profiler's `machine_name` and `machine_model`: `Mac Studio (Mac14,14)`.
    package var machine: Fact<String> = .notProbed
    /// Performance cores (`hw.perflevel0.physicalcpu`).
    package var performanceCores: Fact<Int> = .notProbed
    /// Efficiency cores (`hw.perflevel1.physicalcpu`).
    package var efficiencyCores: Fact<Int> = .notProbed
    /// GPU cores (system_profiler's `sppci_cores`).
    package var gpuCores: Fact<Int> = .notProbed
    /// The newest Metal family the GPU supports: `Metal 3`.
    package var metal: Fact<String> = .notProbed
    package init() {}
}
