import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// The guard helpers against a stand-in `dpkg-query` that prints recorded package states.
@Suite struct ShellPreludeTests {
    /// Runs `check` after the prelude, with `dpkg-query` answering `states` (one line per package).
    func status(_ check: String, states: [String]) throws -> Int32? {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stub = directory.appendingPathComponent("dpkg-query")
        // Prints the recorded line for the package asked (last argument), or every line for a pattern.
        try """
            #!/usr/bin/env bash
            want="${*: -1}"
            while IFS= read -r line; do
              name=$(printf '%s' "$line" | cut -d' ' -f1)
              rest=$(printf '%s' "$line" | cut -d' ' -f2-)
              case "$name" in
                $want) if [[ $2 == *Package* ]]; then printf '%s %s\\n' "$(cut -d' ' -f2 <<<"$rest")" "$name"; else printf '%s\\n' "$rest"; fi ;;
              esac
            done < "$(dirname "$0")/states"
            """.write(to: stub, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        try (states.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("states"), atomically: true, encoding: .utf8)
        let script = directory.appendingPathComponent("check.sh")
        try "set -euo pipefail\n\(ShellPrelude.text)\n\(check)\n".write(to: script, atomically: true, encoding: .utf8)
        let path = directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try PlanTools.run("bash", [script.path], environment: ["PATH": path])?.status
    }

    let states = [
        "nvidia-driver-570-open hold installed 570.124.06-0ubuntu1",
        "nvidia-driver-535 install installed 535.183.01-0ubuntu1",
        "tmux install installed 3.4-1build1",
        "jq deinstall config-files 1.7.1-3",
    ]

    @Test func packageInstalledChecksStatusVersionGlobAndHold() throws {
        #expect(try status("rig_package_installed tmux", states: states) == 0)
        #expect(try status("rig_package_installed jq", states: states) == 1)
        #expect(try status("rig_package_installed git", states: states) == 1)
        #expect(try status("rig_package_installed nvidia-driver-570-open '570.124.06-*' hold", states: states) == 0)
        #expect(try status("rig_package_installed nvidia-driver-570-open '570.133.*'", states: states) == 1)
        #expect(try status("rig_package_installed tmux '3.4-1build1' hold", states: states) == 1)
    }

    @Test func driverBranchInstalledComparesBranchAndFlavour() throws {
        #expect(try status("rig_driver_branch_installed open 570", states: states) == 0)
        #expect(try status("rig_driver_branch_installed open 575", states: states) == 1)
        #expect(try status("rig_driver_branch_installed proprietary 535", states: states) == 0)
        #expect(try status("rig_driver_branch_installed proprietary 550", states: states) == 1)
    }

    @Test func packageAtLeastComparesDebianVersions() throws {
        #expect(try status("rig_package_at_least nvidia-driver-570-open 570", states: states) == 0)
        #expect(try status("rig_package_at_least nvidia-driver-570-open 570.133", states: states) == 1)
        #expect(try status("rig_package_at_least jq 1", states: states) == 1)
    }
}
