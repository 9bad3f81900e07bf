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

/// A hung, a missing, a failing command and an unreadable file: each is bounded and explained.
@Suite struct ProbeRunnerFaultTests {
    @Test func hungCommandIsKilledAtItsTimeout() async throws {
        // A real process that never ends, standing in for nvidia-smi.
        struct HangingSMI: System {
            let live = LiveSystem()
            func readFile(_ path: String) throws(SystemError) -> Data { throw .notFound(path) }
            func listDirectory(_ path: String) throws(SystemError) -> [String] { throw .notFound(path) }
            func fileExists(_ path: String) -> Bool { false }
            func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
                argv.first == "nvidia-smi" ? await live.run(["sh", "-c", "sleep 60"], input: nil, timeout: timeout) : CommandResult(outcome: .notFound)
            }
            func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
            func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
            func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
            func environment(_ name: String) -> String? { nil }
        }
        let facts = await ProbeRunner.probe([.cuda], on: HangingSMI(), timeout: .milliseconds(300))
        // The command's own timeout normally wins; on a loaded machine the runner's deadline
        // (timeout + 0.5 s) may cut the prober off first. Either way: bounded and explained.
        let reason = facts.cuda?.driverSupports.reason ?? ""
        #expect(reason == "nvidia-smi -q -d MEMORY timed out after 0.3 s" || reason == "timed out after 0.3 s", "\(reason)")
        #expect(facts.cuda?.nvcc == .unknown("nvcc not installed"))
    }

    @Test func proberThatIgnoresItsTimeoutIsCutOffByTheRunner() async {
        var machine = FakeSystem()
        machine.hanging = [StorageProber.argv]
        let facts = await ProbeRunner.probe([.storage], on: machine, timeout: .milliseconds(200))
        #expect(facts.storage == .unknown("timed out after 0.2 s"))
    }

    @Test func missingTool() async {
        var machine = FakeSystem()
        machine.directories["/sys/bus/pci/devices"] = ["0000:01:00.0"]
        machine.files["/sys/bus/pci/devices/0000:01:00.0/class"] = "0x030000\n"
        machine.files["/sys/bus/pci/devices/0000:01:00.0/vendor"] = "0x10de\n"
        machine.files["/sys/bus/pci/devices/0000:01:00.0/device"] = "0x2204\n"
        let facts = await ProbeRunner.probe([.gpus], on: machine)
        let gpu = facts.gpus?.value?.first
        #expect(gpu?.vendor == "nvidia")
        #expect(gpu?.deviceID == .value("0x2204"))
        #expect(gpu?.model == .unknown("nvidia-smi not installed"))
        #expect(gpu?.vramBytes == .unknown("nvidia-smi not installed"))
        #expect(gpu?.computeCapability == .unknown("nvidia-smi not installed"))
    }

    @Test func commandExitingNonZero() async {
        var machine = FakeSystem()
        let failure = CommandResult(outcome: .exited(9), stderr: Data("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n".utf8))
        machine.commands[NvidiaSMIProber.queryArgv] = failure
        machine.commands[NvidiaSMIProber.memoryArgv] = failure
        let facts = await ProbeRunner.probe([.cuda], on: machine)
        #expect(facts.cuda?.driverSupports == .unknown("nvidia-smi -q -d MEMORY exited with status 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."))
    }

    @Test func unreadableFile() async {
        var machine = FakeSystem()
        machine.errors["/proc/cpuinfo"] = .permissionDenied("/proc/cpuinfo")
        machine.errors["/etc/os-release"] = .permissionDenied("/etc/os-release")
        let facts = await ProbeRunner.probe([.cpu, .os], on: machine)
        #expect(facts.cpu?.model == .unknown("/proc/cpuinfo: permission denied; lscpu not installed"))
        #expect(facts.cpu?.cores == .unknown("/proc/cpuinfo: permission denied; lscpu not installed"))
        #expect(facts.os?.id == .unknown("/etc/os-release: permission denied"))
    }
}
