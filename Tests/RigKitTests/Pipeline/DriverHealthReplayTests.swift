import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigPlan
@testable import RigKit

/// Each 2 AM breakage on the replayed compute-node host: passing as committed (healthy), failing after one edit
/// that puts the real output of a broken machine (Fixtures/tools/14_driver_health) into the recording.
@Suite struct DriverHealthReplayTests {
    /// The diff's findings under `key`.
    private func findings(_ repo: ExampleRepo, _ key: SpecKeyPath) async throws -> [Finding] {
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        return report.findings.filter { $0.keyPath == key }
    }

    /// Makes the recorded command whose stdout is `output` exit with `status`.
    private func setExit(_ host: String, output: String, _ status: Int) throws {
        let file = URL(fileURLWithPath: host + "/commands/index.json")
        var index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var commands = try #require(index["commands"] as? [[String: Any]])
        let at = try #require(commands.firstIndex { $0["stdout"] as? String == output })
        commands[at]["exit"] = status
        index["commands"] = commands
        try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys]).write(to: file)
    }

    private func tool(_ name: String) throws -> String { try Fixture.text("tools/14_driver_health/\(name)") }

    @Test func healthyHostHasEveryCheckOK() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let health = report.findings.filter { $0.keyPath.rawValue.hasPrefix("drivers.nvidia.") && $0.keyPath != "drivers.nvidia.version" && $0.keyPath != "drivers.nvidia.flavor" }
            + report.findings.filter { $0.keyPath == DriverHealthCheck.cudaDefaultKey }
        #expect(health.map(\.keyPath).sorted() == [DriverHealthCheck.cudaDefaultKey, DriverHealthCheck.dkmsKey, DriverHealthCheck.holdKey,
                                                  DriverHealthCheck.nouveauKey, DriverHealthCheck.secureBootKey, DriverHealthCheck.userSpaceKey])
        #expect(health.allSatisfy { $0.status == .ok }, "\(health.filter { $0.status != .ok }.map(\.message))")
        let plan = try await planSteps(repo)
        #expect(plan["dkms-modules"] == .done)
        #expect(plan["cuda-default"] == .done)
    }

    @Test func userSpaceUpgradedUnderTheLoadedModule() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/filesystem.json", "libnvidia-ml.so.570.124.04", "libnvidia-ml.so.570.133.07")
        try tool("nvidia_smi_mismatch_570.124.txt").write(toFile: repo.host("compute-node") + "/commands/nvidia-smi-12.out", atomically: true, encoding: .utf8)
        // nvidia-smi exits with the NVML error code: NVML_ERROR_LIB_RM_VERSION_MISMATCH is 18 (nvml.h).
        try setExit(repo.host("compute-node"), output: "nvidia-smi-12.out", 18)
        let found = try await findings(repo, DriverHealthCheck.userSpaceKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.message == "the loaded NVIDIA kernel module is 570.124.04 but the user-space driver (libnvidia-ml) is 570.133.07; nvidia-smi says \"Failed to initialize NVML: Driver/library version mismatch\": the driver was upgraded without a reboot, and every CUDA program fails until the machine reboots")
        let plan = try await planSteps(repo)
        #expect(plan["reboot-notice"] == .pending)
    }

    @Test func dkmsMissingForTheNewestKernel() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/filesystem.json", "\"vmlinuz-6.8.0-52-generic\"", "\"vmlinuz-6.8.0-52-generic\", \"vmlinuz-6.8.0-60-generic\"")
        let found = try await findings(repo, DriverHealthCheck.dkmsKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.message.hasPrefix("DKMS has no NVIDIA module for 6.8.0-60-generic, the newest installed kernel (built for 6.8.0-52-generic): the next boot runs it without the driver") == true)
        #expect(try await planSteps(repo)["dkms-modules"] == .pending)
    }

    @Test func dkmsMissingForTheRunningKernel() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        // The pop-os capture: nvidia built for two other kernels.
        try tool("dkms_status_v3_popos_two_kernels.txt").write(toFile: repo.host("compute-node") + "/commands/dkms-8.out", atomically: true, encoding: .utf8)
        let found = try await findings(repo, DriverHealthCheck.dkmsKey)
        #expect(found.first?.message.hasPrefix("DKMS has no NVIDIA module installed for the running kernel 6.8.0-52-generic (built for 6.12.10-76061203-generic, 6.16.3-76061603-generic)") == true)
        #expect(found.first?.severity == .error)
        #expect(try await planSteps(repo)["dkms-modules"] == .pending)
    }

    @Test func nouveauLoaded() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/fs/proc/modules", "nvidia_uvm", "nouveau 3096576 1 - Live 0x0000000000000000\nnvidia_uvm")
        let found = try await findings(repo, DriverHealthCheck.nouveauKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.severity == .error)
        #expect(try await planSteps(repo)["nouveau-blacklist"] == .pending)
    }

    @Test func nouveauNotBlacklisted() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try FileManager.default.removeItem(atPath: repo.host("compute-node") + "/fs/etc/modprobe.d/blacklist-nouveau.conf")
        let found = try await findings(repo, DriverHealthCheck.nouveauKey)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.hasPrefix("no modprobe.d file blacklists nouveau") == true)
        #expect(try await planSteps(repo)["nouveau-blacklist"] == .pending)
    }

    @Test func secureBootWithAnUnsignedModule() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try tool("mokutil_sb_state_enabled.txt").write(toFile: repo.host("compute-node") + "/commands/mokutil-9.out", atomically: true, encoding: .utf8)
        let found = try await findings(repo, DriverHealthCheck.secureBootKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.message.contains("\"Loading of unsigned module is rejected\"") == true)
        // Signed (dkms 3 signs with its own MOK), it is fine.
        try "DKMS module signing key\n".write(toFile: repo.host("compute-node") + "/commands/modinfo-10.out", atomically: true, encoding: .utf8)
        #expect(try await findings(repo, DriverHealthCheck.secureBootKey).map(\.status) == [.ok])
    }

    @Test func driverNotHeldWhileUnattendedUpgradesRun() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try "".write(toFile: repo.host("compute-node") + "/commands/apt-mark-11.out", atomically: true, encoding: .utf8)
        let found = try await findings(repo, DriverHealthCheck.holdKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.severity == .warning)
        #expect(try await planSteps(repo)["hold-nvidia-driver"] == .pending)
        // Off, nothing upgrades it.
        try repo.edit("build-logs/compute-node/recorded-host/fs/etc/apt/apt.conf.d/20auto-upgrades", "Unattended-Upgrade \"1\"", "Unattended-Upgrade \"0\"")
        #expect(try await findings(repo, DriverHealthCheck.holdKey).map(\.status) == [.ok])
    }

    @Test func cudaLinkToAnotherToolkit() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try Fixture.text("tools/05_nvcc_cuda_version/version_json_cuda_11.5.2_no_driver_entry.txt")
            .write(toFile: repo.host("compute-node") + "/fs/usr/local/cuda/version.json", atomically: true, encoding: .utf8)
        let found = try await findings(repo, DriverHealthCheck.cudaDefaultKey)
        #expect(found.map(\.status) == [.drift])
        #expect(found.first?.message == "/usr/local/cuda is CUDA 11.5.2, the spec wants 12.8: builds that use it compile against the wrong toolkit; fix: update-alternatives --set cuda /usr/local/cuda-12.8")
        #expect(try await planSteps(repo)["cuda-default"] == .pending)
    }

    @Test func everyCheckUnknownWithItsReasonOnAnOldRecording() async throws {
        // A recorded host from before these probers: nothing to read, each check says why it cannot judge.
        let facts = await ProbeRunner.probe([.driverHealth], on: try ReplaySystem(directory: try Fixture.host("h100-device")))
        let health = try #require(facts.driverHealth)
        #expect(health.dkms.reason == "dkms not installed")
        #expect(health.secureBoot.reason == "mokutil not installed")
        #expect(health.nouveauLoaded.reason == "/proc/modules: not found")
    }

    /// Plan step id → status, from the diff of the replayed host.
    private func planSteps(_ repo: ExampleRepo) async throws -> [String: Step.Status] {
        let pipeline = AuditSamples.pipeline(repo.path)
        let report = try await pipeline.diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        let spec = try pipeline.select("compute-node", hostname: { .unknown("not asked") }).get().spec
        let plan = Planner().plan(spec: spec, findings: report.findings)
        return Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.id, $0.status) })
    }
}
