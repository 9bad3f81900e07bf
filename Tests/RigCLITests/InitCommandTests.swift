import Foundation
import Testing
@testable import RigCLI
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct InitCommandTests {
    @Test func printsTheStarterSpec() async throws {
        let run = try await RigctlBinary.run(["init", "--replay", RigctlBinary.host("workstation")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("hostname: \"workstation\"\n"))
        #expect(run.stdout.contains(#"    - { model: "NVIDIA GeForce RTX 5070 Ti", vram: 16 GiB, power: 300 W }"#))
    }

    @Test func writesOnceThenNeedsForce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-init-cli-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/machines/compute-node.yaml"
        let first = try await RigctlBinary.run(["init", "--replay", RigctlBinary.host("compute-node"), "--output", output])
        #expect(first.status == 0)
        #expect(first.stderr == "wrote \(output)\n")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("  memory: { size: 32 GiB, modules: 4, type: DDR4 }\n"))

        let second = try await RigctlBinary.run(["init", "--replay", RigctlBinary.host("compute-node"), "-o", output])
        #expect(second.status == 2)
        #expect(second.stderr == "error: \(output) already exists; use --force to replace it\n")

        let forced = try await RigctlBinary.run(["init", "--replay", RigctlBinary.host("h100-node"), "-o", output, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("hostname: \"h100-node\"\n"))
    }
}
