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

@Suite struct ReplaySystemTests {
    @Test func readsRecordedFilesListingsAndCommands() async throws {
        let replay = try ReplaySystem(directory: try Fixture.host("h100-node"))
        #expect(try replay.readText("/proc/sys/kernel/hostname") == "h100-node\n")
        #expect(try replay.listDirectory("/sys/bus/pci/devices") == ["0000:00:00.0", "0000:00:09.0"])
        #expect(replay.fileExists("/sys/firmware/efi"))
        let result = await replay.run(["nvcc", "--version"])
        #expect(result.outcome == .exited(0))
        #expect(result.output.contains("release 13.0, V13.0.88"))
    }

    @Test func whatWasNotRecordedIsAbsent() async throws {
        let replay = try ReplaySystem(directory: try Fixture.host("h100-node"))
        #expect(throws: SystemError.notFound("/etc/shadow")) { try replay.readFile("/etc/shadow") }
        #expect(throws: SystemError.notFound("/nope")) { try replay.listDirectory("/nope") }
        #expect(!replay.fileExists("/sys/class/dmi/id"))
        #expect(await replay.run(["rocm-smi"]).outcome == .notFound)
    }

    @Test func recordedErrorsAndFailuresComeBack() async throws {
        let replay = try ReplaySystem(directory: try Fixture.host("rtx3090-desktop"))
        #expect(throws: SystemError.permissionDenied("/proc/driver/nvidia/version")) { try replay.readFile("/proc/driver/nvidia/version") }
        let lsblk = await replay.run(StorageProber.argv)
        #expect(lsblk.outcome == .exited(1))
        #expect(lsblk.failureReason(program: "lsblk") == "lsblk exited with status 1: lsblk: failed to access sysfs directory: /sys/dev/block: Permission denied")
        #expect(try replay.listDirectory("/sys/class/iommu") == [])
    }

    @Test func refusesWrites() throws {
        let replay = try ReplaySystem(directory: try Fixture.host("vm-no-gpu"))
        #expect(throws: SystemError.readOnly("/tmp/x")) { try replay.writeText("/tmp/x", "y") }
        #expect(throws: SystemError.readOnly("/tmp/d")) { try replay.createDirectory("/tmp/d") }
    }

    @Test func explainsABrokenRecording() throws {
        var broken = FakeSystem()
        broken.directories["/host"] = ["commands"]
        broken.files["/host/commands/index.json"] = #"{"commands": [{"argv": "nvidia-smi"}]}"#
        #expect(throws: RecordedHost.LoadError.malformed(file: "/host/commands/index.json",
                                                         reason: "commands[0].argv: Expected to decode Array<Any> but found a string instead.")) {
            try ReplaySystem(directory: "/host", storage: broken)
        }
        #expect(throws: RecordedHost.LoadError.notADirectory("/missing")) { try ReplaySystem(directory: "/missing", storage: broken) }
    }
}
