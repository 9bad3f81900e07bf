import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// A toolkit's `version.json` (`/usr/local/cuda-12.8/version.json`): the toolkit version and,
/// when the installer bundled one, its driver. Older toolkits have `version.txt` instead
/// ("CUDA Version 10.1.243").
package struct CUDAVersionJSON: Sendable, Equatable {
    package var version: String
    package var nvccVersion: String?
    package var bundledDriverVersion: String?

    package static func parse(_ data: Data) -> CUDAVersionJSON? {
        guard let object = try? JSONValue.parse(data), let version = object["cuda"]?["version"]?.string else { return nil }
        return CUDAVersionJSON(
            version: version,
            nvccVersion: object["cuda_nvcc"]?["version"]?.string,
            bundledDriverVersion: object["nvidia_driver"]?["version"]?.string)
    }

    /// `version.txt` of toolkits before 11.1.
    package static func parseText(_ text: String) -> CUDAVersionJSON? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("CUDA Version ") }) else { return nil }
        return CUDAVersionJSON(version: String(line.dropFirst("CUDA Version ".count)).trimmed)
    }
}
