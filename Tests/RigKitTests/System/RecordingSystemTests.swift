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

@Suite struct RecordingSystemTests {
    @Test func recordsEverythingAndReplaysItIdentically() async throws {
        var machine = FakeSystem()
        machine.files["/proc/sys/kernel/hostname"] = "rig\n"
        machine.files["/sys/firmware/efi/efivars/x"] = "1"
        machine.directories["/sys/firmware/efi"] = ["efivars"]
        machine.directories["/sys/kernel/iommu_groups"] = []
        machine.errors["/proc/driver/nvidia/version"] = .permissionDenied("/proc/driver/nvidia/version")
        machine.commands[["nvidia-smi", "-L"]] = CommandResult(outcome: .exited(9), stdout: Data("out".utf8), stderr: Data("NVIDIA-SMI has failed".utf8))
        machine.commands[["slow"]] = CommandResult(outcome: .timedOut(seconds: 2))

        let recorder = RecordingSystem(recording: machine)
        _ = try recorder.readFile("/proc/sys/kernel/hostname")
        _ = try? recorder.readFile("/proc/driver/nvidia/version")
        _ = try? recorder.readFile("/not/there")
        _ = try recorder.listDirectory("/sys/kernel/iommu_groups")
        _ = recorder.fileExists("/sys/firmware/efi")
        // Concurrent commands, as the probers run them.
        async let first = recorder.run(["nvidia-smi", "-L"])
        async let second = recorder.run(["slow"])
        async let third = recorder.run(["missing-tool"])
        _ = await (first, second, third)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-record-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try recorder.save(to: directory, using: LiveSystem())

        let replay = try ReplaySystem(directory: directory)
        #expect(try replay.readText("/proc/sys/kernel/hostname") == "rig\n")
        #expect(throws: SystemError.permissionDenied("/proc/driver/nvidia/version")) { try replay.readFile("/proc/driver/nvidia/version") }
        #expect(throws: SystemError.notFound("/not/there")) { try replay.readFile("/not/there") }
        #expect(try replay.listDirectory("/sys/kernel/iommu_groups") == [])
        #expect(replay.fileExists("/sys/firmware/efi"))
        let failed = await replay.run(["nvidia-smi", "-L"])
        #expect(failed.outcome == .exited(9))
        #expect(failed.output == "out")
        #expect(failed.errorOutput == "NVIDIA-SMI has failed")
        #expect(await replay.run(["slow"]).outcome == .timedOut(seconds: 2))
        #expect(await replay.run(["missing-tool"]).outcome == .notFound)

        let index = try String(contentsOfFile: directory + "/commands/index.json", encoding: .utf8)
        #expect(index.contains(#""notFound" : true"#))
        #expect(index.contains(#""timedOutAfter" : 2"#))
        let name = RecordedHost.outputName(for: ["nvidia-smi", "-L"])
        #expect(FileManager.default.fileExists(atPath: "\(directory)/commands/\(name).err"))
    }

    @Test func outputNamesAreStableAndSafe() {
        #expect(RecordedHost.outputName(for: ["lsblk", "-J"]) == RecordedHost.outputName(for: ["lsblk", "-J"]))
        #expect(RecordedHost.outputName(for: ["lsblk", "-J"]) != RecordedHost.outputName(for: ["lsblk", "-J", "-b"]))
        #expect(RecordedHost.outputName(for: ["/usr/local/cuda/bin/nvcc", "--version"]).hasPrefix("nvcc-"))
    }
}
