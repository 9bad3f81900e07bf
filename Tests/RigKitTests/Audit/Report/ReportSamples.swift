import Foundation
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// A small report with one finding of each kind, for the formatter tests.
enum ReportSamples {
    static let file = "machines/compute-node.yaml"

    static func finding(_ keyPath: SpecKeyPath, _ status: Finding.Status, _ severity: Finding.Severity, line: Int?, message: String,
                        expected: String? = nil, actual: String? = nil, rule: String? = nil) -> Finding {
        Finding(machine: "compute-node", keyPath: keyPath, expected: expected, actual: actual, status: status, severity: severity,
                location: line.map { SourceLocation(file: file, line: $0, column: 13) }, message: message, rule: rule)
    }

    static let report = AuditReport(
        machines: ["compute-node"],
        findings: [
            finding("hostname", .ok, .info, line: 4, message: "the hostname is compute-node", expected: "compute-node", actual: "compute-node"),
            finding("drivers.nvidia.version", .drift, .error, line: 26, message: "the loaded NVIDIA driver is 575.64.03, the spec wants branch 570",
                    expected: "570", actual: "575.64.03"),
            finding("parts.gpus[0].model", .missing, .error, line: 14, message: "1 NVIDIA GeForce RTX 3090 missing: the spec wants 1, none found",
                    expected: "NVIDIA GeForce RTX 3090", actual: "0 × NVIDIA GeForce RTX 3090"),
            finding("bios.settings.xmp", .manual, .warning, line: 24, message: "BIOS setting xmp should be profile-1; confirm it", expected: "profile-1"),
            finding("", .ok, .info, line: nil, message: "passes: power budget", rule: "power-budget"),
        ],
        files: ["compute-node": file])
}
