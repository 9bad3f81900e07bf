import Testing
@testable import RigCLI

@Suite struct PlanCommandTests {
    @Test func printsAPlanForANamedMachineInEveryFormat() async {
        for format in ["text", "shell", "ansible"] {
            #expect(await exitCode(of: ["plan", "compute-node", "--repo", Repo.root, "--format", format]) == 0)
        }
    }

    @Test func anUnknownMachineExitsTwo() async {
        #expect(await exitCode(of: ["plan", "nope", "--repo", Repo.root]) == 2)
        #expect(await exitCode(of: ["plan", Repo.root + "/Tests/RigSpecTests/Fixtures/invalid/12-unknown-part-key.yaml"]) == 2)
    }

    @Test func anUnknownFormatIsAUsageError() async {
        #expect(await exitCode(of: ["plan", "compute-node", "--format", "yaml"]) == 64)
    }
}
