import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigPlan
@testable import RigKit

/// `containers:` on the replayed compute-node: the spec gains the section, the recording gains real
/// `docker info --format '{{json .}}'` and `nvidia-ctk --version` outputs (Fixtures/tools/15_docker) and an
/// /etc/group; each finding passes, then fails after one edit, and the plan marks its steps.
@Suite struct ContainersReplayTests {
    private func tool(_ name: String) throws -> String { try Fixture.text("tools/15_docker/\(name)") }

    /// The example repo with `containers:` in compute-node's spec and the given command outputs recorded
    /// (nil: the command is not on the host).
    private func repo(dockerInfo: String?, dockerExit: Int = 0, ctk: String?, group: String? = "docker:x:998:me\n",
                      users: [String] = ["me"]) throws -> ExampleRepo {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        let users = users.isEmpty ? "" : ", docker-users: [\(users.joined(separator: ", "))]"
        try repo.edit("machines/compute-node.yaml", "gpu-settings:", "containers: { engine: docker, nvidia-toolkit: true\(users) }\ngpu-settings:")
        let host = repo.host("compute-node")
        let file = URL(fileURLWithPath: host + "/commands/index.json")
        var index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var commands = try #require(index["commands"] as? [[String: Any]])
        if let dockerInfo {
            try dockerInfo.write(toFile: host + "/commands/docker-90.out", atomically: true, encoding: .utf8)
            commands.append(["argv": ContainersProber.dockerInfo, "exit": dockerExit, "stdout": "docker-90.out"])
        }
        if let ctk {
            try ctk.write(toFile: host + "/commands/nvidia-ctk-91.out", atomically: true, encoding: .utf8)
            commands.append(["argv": ["nvidia-ctk", "--version"], "exit": 0, "stdout": "nvidia-ctk-91.out"])
        }
        index["commands"] = commands
        try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys]).write(to: file)
        if let group {
            try FileManager.default.createDirectory(atPath: host + "/fs/etc", withIntermediateDirectories: true)
            try ("root:x:0:\n" + group).write(toFile: host + "/fs/etc/group", atomically: true, encoding: .utf8)
        }
        return repo
    }

    private func report(_ repo: ExampleRepo) async throws -> AuditReport {
        try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
    }

    private func findings(_ report: AuditReport) -> [SpecKeyPath: Finding] {
        Dictionary(report.findings.filter { $0.keyPath.rawValue.hasPrefix("containers.") }.map { ($0.keyPath, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private func plan(_ repo: ExampleRepo, _ report: AuditReport) throws -> [String: Step.Status] {
        let spec = try AuditSamples.pipeline(repo.path).select("compute-node", hostname: { .unknown("not asked") }).get().spec
        return Dictionary(uniqueKeysWithValues: Planner().plan(spec: spec, findings: report.findings).steps.map { ($0.id, $0.status) })
    }

    @Test func aConvergedHostHasEveryContainerCheckOK() async throws {
        let repo = try repo(dockerInfo: try tool("docker_info_desktop_28.2.2_nvidia.json"), ctk: try tool("nvidia_ctk_version_1.13.1.txt"))
        defer { repo.remove() }
        let report = try await report(repo)
        let found = findings(report)
        #expect(found.keys.sorted() == [ContainersCheck.usersKey, ContainersCheck.engineKey, ContainersCheck.toolkitKey])
        #expect(found.values.allSatisfy { $0.status == .ok }, "\(found.values.map(\.message))")
        #expect(found[ContainersCheck.engineKey]?.message == "the docker daemon answers (Docker Engine 28.2.2)")
        #expect(found[ContainersCheck.toolkitKey]?.message == "the NVIDIA Container Toolkit 1.13.1 is installed and docker has the nvidia runtime")
        let steps = try plan(repo, report)
        for id in ["docker-repository", "docker-engine", "docker-users", "nvidia-container-toolkit-repository", "nvidia-container-toolkit"] {
            #expect(steps[id] == .done, "\(id)")
        }
    }

    @Test func dockerMissing() async throws {
        let repo = try repo(dockerInfo: nil, ctk: nil, group: nil)
        defer { repo.remove() }
        let report = try await report(repo)
        let found = findings(report)
        #expect(found[ContainersCheck.engineKey]?.status == .missing)
        #expect(found[ContainersCheck.engineKey]?.severity == .error)
        #expect(found[ContainersCheck.engineKey]?.message == "docker is not installed: the spec's containers cannot run")
        #expect(found[ContainersCheck.toolkitKey]?.status == .missing)
        #expect(found[ContainersCheck.toolkitKey]?.message.hasPrefix("the NVIDIA Container Toolkit is not installed (no nvidia-ctk)") == true)
        // The recording has no /etc/group: the docker group is unknown, with the reason.
        #expect(found[ContainersCheck.usersKey]?.status == .unknown)
        let steps = try plan(repo, report)
        #expect(steps["docker-engine"] == .pending)
        #expect(steps["nvidia-container-toolkit"] == .pending)
    }

    @Test func theDaemonDoesNotAnswer() async throws {
        let repo = try repo(dockerInfo: try tool("docker_info_daemon_down.json"), dockerExit: 1, ctk: try tool("nvidia_ctk_version_1.13.1.txt"))
        defer { repo.remove() }
        let found = findings(try await report(repo))
        #expect(found[ContainersCheck.engineKey]?.status == .drift)
        #expect(found[ContainersCheck.engineKey]?.message == "docker is installed but the docker daemon does not answer: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?; start it: systemctl enable --now docker")
        // Without the daemon its runtimes cannot be seen.
        #expect(found[ContainersCheck.toolkitKey]?.status == .unknown)
    }

    @Test func theNvidiaRuntimeIsNotConfigured() async throws {
        let repo = try repo(dockerInfo: try tool("docker_info_20.10.8_runc.json"), ctk: try tool("nvidia_ctk_version_1.13.1.txt"))
        defer { repo.remove() }
        let report = try await report(repo)
        let found = findings(report)
        #expect(found[ContainersCheck.engineKey]?.status == .ok)
        #expect(found[ContainersCheck.toolkitKey]?.status == .drift)
        #expect(found[ContainersCheck.toolkitKey]?.message == "nvidia-ctk 1.13.1 is installed but docker has no nvidia runtime (io.containerd.runc.v2, io.containerd.runtime.v1.linux, runc): run nvidia-ctk runtime configure --runtime=docker, then systemctl restart docker")
        let steps = try plan(repo, report)
        #expect(steps["nvidia-container-toolkit"] == .pending)
        #expect(steps["docker-engine"] == .done)
    }

    @Test func theToolkitIsMissing() async throws {
        let repo = try repo(dockerInfo: try tool("docker_info_20.10.8_runc.json"), ctk: nil)
        defer { repo.remove() }
        let found = findings(try await report(repo))
        #expect(found[ContainersCheck.toolkitKey]?.status == .missing)
    }

    @Test func aUserOutsideTheDockerGroup() async throws {
        let repo = try repo(dockerInfo: try tool("docker_info_desktop_28.2.2_nvidia.json"), ctk: try tool("nvidia_ctk_version_1.13.1.txt"),
                            group: "docker:x:998:\nsudo:x:27:me\n")
        defer { repo.remove() }
        let report = try await report(repo)
        let found = findings(report)
        #expect(found[ContainersCheck.usersKey]?.status == .drift)
        #expect(found[ContainersCheck.usersKey]?.actual == "nobody")
        #expect(found[ContainersCheck.usersKey]?.message.hasPrefix("me is not in the docker group") == true)
        #expect(try plan(repo, report)["docker-users"] == .pending)
    }
}
