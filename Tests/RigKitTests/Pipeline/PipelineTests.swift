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

/// `diff` and `snapshot` through the pipeline on replayed hosts: the committed recorded hosts match, and each kind of drift shows.
@Suite struct PipelineTests {
    @Test func recordedHostsMatchTheirSpecs() async throws {
        for machine in ["compute-node", "workstation", "big-rig", "rented-h100", "dgx-spark", "rocm-desktop", "instinct-node"] {
            let diff = AuditSamples.pipeline(AuditSamples.repository)
            let report = try await diff.diff(machine, source: .replay(AuditSamples.repository + "/build-logs/\(machine)/recorded-host")).get()
            #expect(report.exitCode(strict: false) == .clean, "\(machine): \(report.findings.filter { $0.severity == .error }.map(\.message))")
        }
    }

    /// The arm64 example replays to arm64 facts: aarch64, the CPU from `lscpu -J` (arm64 cpuinfo has no
    /// model name), a GB10 with compute capability 12.1 and no VRAM of its own, and `os.arch` compared.
    @Test func theDGXSparkHostReplaysAsArm64() async throws {
        let host = try ReplaySystem(directory: AuditSamples.repository + "/build-logs/dgx-spark/recorded-host")
        let facts = await ProbeRunner.probe(FactGroup.standard, on: host)
        #expect(facts.os?.architecture == .value("aarch64"))
        #expect(facts.cpu?.model == .value("Cortex-X925"))
        #expect(facts.cpu?.cores == .value(20))
        #expect(facts.cpu?.virtualization == .unknown("vmx/svm flags exist only on x86 (this is aarch64)"))
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(gpu.busID == "000f:01:00.0")
        #expect(gpu.model == .value("NVIDIA GB10"))
        #expect(gpu.computeCapability == .value("12.1"))
        #expect(gpu.vramBytes.value == nil)
        #expect(facts.nvidiaDriver?.version == .value("580.95.05"))
        let report = try await AuditSamples.pipeline(AuditSamples.repository)
            .diff(nil, source: .replay(AuditSamples.repository + "/build-logs/dgx-spark/recorded-host")).get()
        #expect(report.machines == ["dgx-spark"])
        #expect(report.findings.first { $0.keyPath == "os.arch" }?.status == .ok)
    }

    /// The AMD examples replay to AMD facts: amd-smi's names and targets (the desktop's also in its KFD
    /// topology), the MI210 record without a bus id matched by its device id, ROCm's release files.
    @Test(arguments: [("rocm-desktop", "AMD Radeon RX 7900 XTX", "gfx1100", "6.2.4"), ("instinct-node", "AMD Instinct MI210", "gfx90a", "6.2.0")])
    func theAMDHostsReplayWithTheirTargets(machine: String, model: String, target: String, release: String) async throws {
        let host = try ReplaySystem(directory: AuditSamples.repository + "/build-logs/\(machine)/recorded-host")
        let facts = await ProbeRunner.probe(FactGroup.standard.union([.rocm]), on: host)
        let gpu = try #require(facts.gpus?.value?.first)
        #expect(facts.gpus?.value?.count == 1)
        #expect(gpu.vendor == "amd" && gpu.busID == "0000:03:00.0")
        #expect(gpu.model == .value(model))
        #expect(gpu.gfxTarget == .value(target))
        #expect(gpu.powerLimitWatts.value != nil)
        #expect(facts.rocm?.release == .value(release))
        #expect(facts.nvidiaDriver?.version.value == nil)
        let report = try await AuditSamples.pipeline(AuditSamples.repository).diff(nil, source: .replay(host.directory)).get()
        #expect(report.machines == [machine])
        #expect(report.findings.first { $0.keyPath == "parts.gpus[0].model" }?.status == .ok)
        #expect(report.findings.first { $0.keyPath == "drivers.rocm" }?.status == .ok)
    }

    @Test func machineChosenByTheRecordedHostname() async throws {
        let diff = AuditSamples.pipeline(AuditSamples.repository)
        let report = try await diff.diff(nil, source: .replay(AuditSamples.repository + "/build-logs/big-rig/recorded-host")).get()
        #expect(report.machines == ["big-rig"])
    }

    @Test func driverBumpedOnTheReplayedHost() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/fs/proc/driver/nvidia/version", "570.124.04", "575.64.03")
        // The whole driver, rebooted into: the user-space library moved with the module.
        try repo.edit("build-logs/compute-node/recorded-host/filesystem.json", "libnvidia-ml.so.570.124.04", "libnvidia-ml.so.575.64.03")
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["drivers.nvidia.version"])
        #expect(errors.first?.message == "the loaded NVIDIA driver is 575.64.03, the spec wants branch 570")
        #expect(report.exitCode(strict: false) == .findings)
    }

    @Test func aDIMMGoneOnTheReplayedHost() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        let dmidecode = "build-logs/compute-node/recorded-host/commands/dmidecode-1.out"
        let text = try String(contentsOfFile: repo.path + "/" + dmidecode, encoding: .utf8)
        let last = try #require(text.range(of: "\tSize: 8 GB", options: .backwards))
        try text.replacingCharacters(in: last, with: "\tSize: No Module Installed").write(toFile: repo.path + "/" + dmidecode, atomically: true, encoding: .utf8)
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["parts.memory.size", "parts.memory.modules"])
        #expect(errors.first?.message == "installed memory is 24 GiB in 3 modules, the spec wants 32 GiB")
    }

    @Test func secureBootOnAndPowerLimitResetOnTheReplayedHost() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/commands/nvidia-smi-3.out", "300.00 W, 350.00 W", "350.00 W, 350.00 W")
        let efivar = repo.host("compute-node") + "/fs/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-e98c0333c3b8"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: efivar))
        bytes[bytes.count - 1] = 1
        try bytes.write(to: URL(fileURLWithPath: efivar))
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["bios.settings.secure-boot", "gpu-settings.power-limit"])
        #expect(errors.map(\.message) == ["Secure Boot is enabled, the spec wants disabled", "the GPU power limit is 350 W, the spec wants 300 W"])
    }

    @Test func packageRemovedAndNotRootOnTheReplayedHost() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/commands/dpkg-query-7.out", "nvtop\t1.2.2-1\tinstalled\n", "")
        try repo.edit("build-logs/compute-node/recorded-host/fs/proc/self/status", "Uid:\t0\t0\t0\t0", "Uid:\t1000\t1000\t1000\t1000")
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let notOk = report.findings.filter { $0.status != .ok && $0.status != .manual }
        #expect(notOk.map(\.keyPath) == ["parts.memory.modules", "parts.memory.type", "parts.memory.speed", "packages.apt[4]"])
        #expect(notOk.map(\.status) == [.unknown, .unknown, .unknown, .missing])
        #expect(notOk.first?.message == "cannot check the number of memory modules: needs root (dmidecode reads the SMBIOS tables)")
        #expect(notOk.last?.message == "package nvtop is not installed")
        // MemTotal (31.3 GiB of 32 GiB) stands in for the modules
        #expect(report.findings.first { $0.keyPath == "parts.memory.size" }?.message == "usable memory (MemTotal) is 31.3 GiB")
    }

    @Test func unknownMachineAndBadHostAreBadInput() async throws {
        let diff = AuditSamples.pipeline(AuditSamples.repository)
        let unknown = await diff.diff("laptop", source: .file("/nonexistent"))
        #expect(unknown.failure?.description == "no machine 'laptop' in machines/ (machines: big-rig, compute-node, dgx-spark, instinct-node, mac-studio, rented-h100, rocm-desktop, workstation)")
        let badHost = await diff.diff("big-rig", source: .replay("/nonexistent/host"))
        #expect(badHost.failure?.description == "cannot replay: /nonexistent/host: not a recorded host (no such directory)")
    }

    @Test func snapshotWritesDeterministicFacts() async throws {
        let repo = try ExampleRepo(withHosts: ["big-rig"])
        defer { repo.remove() }
        let written = try await AuditSamples.pipeline(repo.path).snapshot("big-rig", source: .replay(repo.host("big-rig")), force: false).get()
        #expect(written == repo.path + "/build-logs/big-rig/facts.json")
        let committed = try Data(contentsOf: URL(fileURLWithPath: AuditSamples.repository + "/build-logs/big-rig/facts.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: written)) == committed, "build-logs/big-rig/facts.json is stale: run scripts/make-example-hosts")
    }
}
