import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe

/// The container parsers on the real outputs of Fixtures/tools/15_docker, and on hostile text.
@Suite struct DockerInfoTests {
    private func tool(_ name: String) throws -> String { try Fixture.text("tools/15_docker/\(name)") }

    @Test func dockerInfoWithTheNvidiaRuntime() throws {
        let info = try #require(DockerInfo.parse(try tool("docker_info_desktop_28.2.2_nvidia.json")))
        #expect(info == DockerInfo(serverVersion: "28.2.2", runtimes: ["io.containerd.runc.v2", "nvidia", "runc"],
                                   defaultRuntime: "runc", serverErrors: []))
    }

    @Test func dockerInfoWithRuncOnly() throws {
        let info = try #require(DockerInfo.parse(try tool("docker_info_20.10.8_runc.json")))
        #expect(info.serverVersion == "20.10.8")
        #expect(info.runtimes == ["io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"])
    }

    @Test func dockerInfoWithTheDaemonDown() throws {
        let info = try #require(DockerInfo.parse(try tool("docker_info_daemon_down.json")))
        #expect(info.serverVersion == nil)
        #expect(info.runtimes.isEmpty)
        #expect(info.serverErrors == ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock.", "Is the docker daemon running?"])
    }

    @Test func notJSONIsNil() {
        #expect(DockerInfo.parse("Cannot connect to the Docker daemon") == nil)
        #expect(DockerInfo.parse("[1, 2]") == nil)
        #expect(DockerInfo.parse(String(repeating: "[", count: 100_000)) == nil)
    }

    @Test func nvidiaCTKVersion() throws {
        #expect(NvidiaCTKVersion.parse(try tool("nvidia_ctk_version_1.13.1.txt")) == "1.13.1")
        #expect(NvidiaCTKVersion.parse("NVIDIA Container Toolkit CLI version 1.17.8\ncommit: 0123\n") == "1.17.8")
        #expect(NvidiaCTKVersion.parse("Usage: nvidia-ctk [global options]") == nil)
    }

    @Test func groupMembers() {
        let group = "root:x:0:\nsudo:x:27:me\ndocker:x:998:me,alice\nplugdev:x:46:me\n"
        #expect(GroupFile.members(of: "docker", in: group) == ["alice", "me"])
        #expect(GroupFile.members(of: "root", in: group) == [])
        #expect(GroupFile.members(of: "wheel", in: group) == nil)
        #expect(GroupFile.members(of: "docker", in: "docker:x:998\n") == nil)
    }

    @Test func hostileDockerOutputIsEscaped() {
        var facts = ContainerFacts()
        let json = #"{"ServerVersion":"28.0\u001b[31m","Runtimes":{"nv\u0007idia":{"path":"x"}},"DefaultRuntime":"runc"}"#
        ContainersProber.read(CommandResult(outcome: .exited(0), stdout: Data(json.utf8)), into: &facts)
        #expect(facts.dockerServer.value?.contains("\u{1b}") == false)
        #expect(facts.runtimes.value?.allSatisfy { !$0.contains("\u{07}") } == true)
    }
}
