import RigSpec
import RigSystem

/// The Python environment of `python.path`, as its own interpreter reports it (`PythonProber`).
package struct PythonFacts: Sendable, Equatable, Codable {
    /// The environment's directory.
    package var path: String = ""
    /// `3.12.3`.
    package var interpreter: Fact<String> = .notProbed
    /// `torch.__version__` (`2.7.1+cu128`); unknown with the reason when torch is not installed.
    package var torch: Fact<String> = .notProbed
    /// `torch.version.cuda` (`12.8`); `none` for the CPU-only wheels.
    package var torchCUDA: Fact<String> = .notProbed
    /// `torch.cuda.is_available()`.
    package var cudaAvailable: Fact<Bool> = .notProbed
    /// `torch.cuda.device_count()`.
    package var gpusVisible: Fact<Int> = .notProbed
    package init() {}
}
