import RigSpec
import Foundation
import RigSystem

/// A toolkit's `version.json` (`/usr/local/cuda-12.8/version.json`): the toolkit version and,
/// when the installer bundled one, its driver. Older toolkits have `version.txt` instead
/// ("CUDA Version 10.1.243").
package struct CUDAVersionJSON: Sendable, Equatable {
    package var version: String
    package var nvccVersion: String?
    package var bundledDriverVersion: String?

    package static func parse(_ data: Data) -> CUDAVersionJSON? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = (object["cuda"] as? [String: Any])?["version"] as? String else { return nil }
        return CUDAVersionJSON(
            version: version,
            nvccVersion: (object["cuda_nvcc"] as? [String: Any])?["version"] as? String,
            bundledDriverVersion: (object["nvidia_driver"] as? [String: Any])?["version"] as? String)
    }

    /// `version.txt` of toolkits before 11.1.
    package static func parseText(_ text: String) -> CUDAVersionJSON? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("CUDA Version ") }) else { return nil }
        return CUDAVersionJSON(version: String(line.dropFirst("CUDA Version ".count)).trimmed)
    }
}
