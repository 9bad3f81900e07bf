import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit

/// The seam holds: every package manager's shell helpers define what the step functions call, and the
/// planner, the emitters and the probers name no package manager's commands, files or modules themselves
/// (those live in the `SystemPackageManager+*.swift` files).
@Suite struct PackageManagerSeamTests {
    @Test func everyManagersHelpersDefineWhatTheStepsCall() throws {
        for manager in SystemPackageManager.allCases {
            let names = [manager.installFunction, manager.versionFunction, "rig_package_installed", "rig_package_at_least",
                         "rig_driver_branch_installed"]
            let script = "set -euo pipefail\n" + ShellPrelude.text(manager) + "\ndeclare -F " + names.joined(separator: " ") + " >/dev/null\n"
            let run = try #require(try PlanTools.run("bash", ["-c", script]))
            #expect(run.status == 0, "\(manager.name): \(run.output)")
        }
        // apt's helpers are the ones every script had before the seam: the shared prelude is built from them.
        #expect(ShellPrelude.text == ShellPrelude.text(.apt))
        #expect(ShellPrelude.text.contains(SystemPackageManager.apt.shellHelpers))
    }

    /// Code lines (comments left out) of the files that once spelled apt out.
    @Test func theStepsEmittersAndProbersNameNoPackageManager() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/RigKit")
        let files = ["Emit/ShellEmitter.swift", "Emit/AnsibleEmitter.swift", "Emit/ShellPrelude.swift", "Plan/Planner.swift",
                     "Plan/ContainerSteps.swift", "Plan/ROCmInstall.swift", "Plan/NVIDIADriverInstall.swift",
                     "Probe/Probers/PackagesProber.swift", "Probe/Probers/DriverHealthProber.swift", "Apply/MachineStepExecutor.swift"]
        let words = ["apt-get", "apt-mark", "apt-cache", "dpkg", "DEBIAN_FRONTEND", "ansible.builtin.apt", "dpkg_selections",
                     "/etc/apt/", "sources.list", "linux-headers-"]
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.drop { $0 == " " }
                if code.hasPrefix("//") || code.hasPrefix("#") { continue }
                for word in words where code.contains(word) { offenders.append("\(file):\(index + 1): \(word)") }
            }
        }
        #expect(offenders.isEmpty, "package-manager words outside the seam:\n\(offenders.joined(separator: "\n"))")
    }
}
