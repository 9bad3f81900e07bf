import RigSpec
import RigSystem

/// The user-space half of the NVIDIA driver. Its NVML library is installed as
/// `libnvidia-ml.so.<full driver version>` (`libnvidia-ml.so.570.133.07`) beside the
/// `libnvidia-ml.so.1` link; when the kernel module loaded at boot is another version, every
/// NVML client fails: nvidia-smi prints `Failed to initialize NVML: Driver/library version mismatch`
/// and, since the 550 drivers, `NVML library version: 570.124` (tinygrad/open-gpu-kernel-modules#47,
/// intel/llvm#17614).
package enum NVMLLibrary {
    /// Where Debian and Ubuntu put it (multiarch), and the .run installer's default.
    package static let directories = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
    static let prefix = "libnvidia-ml.so."

    /// The driver versions of the `libnvidia-ml.so.<version>` files among `names`, sorted.
    package static func versions(in names: [String]) -> [String] {
        names.compactMap { name -> String? in
            guard name.hasPrefix(prefix) else { return nil }
            let version = String(name.dropFirst(prefix.count))
            // `libnvidia-ml.so.1` is the soname link, not a version.
            guard version.split(separator: ".").count >= 2, version.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            return version
        }.sorted()
    }

    /// What nvidia-smi said when NVML would not start: the `Failed to initialize NVML: …` line.
    package static func initializationError(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Failed to initialize NVML") }.map { String($0).trimmed }
    }

    /// `NVML library version: 570.124` from the same output.
    package static func reportedLibraryVersion(_ text: String) -> String? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("NVML library version:") }) else { return nil }
        let version = String(line.dropFirst("NVML library version:".count)).trimmed
        return version.isEmpty ? nil : version
    }
}
