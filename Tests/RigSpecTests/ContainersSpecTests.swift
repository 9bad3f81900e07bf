import Testing
@testable import RigSpec

/// `containers:` as the loader reads it, and the errors bad values get.
@Suite struct ContainersSpecTests {
    @Test func theSectionLoads() throws {
        let spec = try TestFixtures.load(TestFixtures.minimal + "\ncontainers: { engine: docker, nvidia-toolkit: true, docker-users: [me, ci-runner] }\n").get()
        #expect(spec.containers == .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me", "ci-runner"]))
        let plain = try TestFixtures.load(TestFixtures.minimal + "\ncontainers: { engine: docker }\n").get()
        #expect(plain.containers == .init(engine: .docker, nvidiaToolkit: false, dockerUsers: []))
        #expect(try TestFixtures.load(TestFixtures.minimal).get().containers == nil)
    }

    @Test func badValuesAreErrorsWithTheirPlace() throws {
        func errors(_ section: String) -> [String] {
            guard case .failure(let error) = TestFixtures.load(TestFixtures.minimal + "\n" + section + "\n") else { return [] }
            return error.diagnostics.map(\.description)
        }
        let podman = errors("containers: { engine: podman }")
        #expect(podman.count == 1)
        #expect(podman.first?.hasPrefix("/specs/box.yaml:4:23: error:") == true, "\(podman)")
        #expect(podman.first?.contains("docker") == true)
        // A user name that could become shell or YAML text.
        let user = errors("containers: { engine: docker, docker-users: [\"me; rm -rf /\"] }")
        #expect(user.count == 1 && user.first?.contains("a user name") == true, "\(user)")
        #expect(errors("containers: { engine: docker, nvidia-toolkit: yes please }").count == 1)
        #expect(errors("containers: { nvidia-toolkit: true }").first?.contains("engine") == true)
        #expect(errors("containers: { engine: docker, docker-users: [me, me] }").count == 1)
    }
}
