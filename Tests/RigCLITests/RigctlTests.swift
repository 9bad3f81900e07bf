import ArgumentParser
import Testing
@testable import RigCLI

@Test func rootCommandHasVersion() {
    #expect(Rigctl.configuration.version == "0.1.0")
}

/// `rigctl --version` is answered before ArgumentParser runs: it must print what ArgumentParser would.
@Test func versionAnswerIsArgumentParsersOwn() async {
    let parsed = await Rigctl.run(["--version"])
    #expect(parsed.status == 0)
    #expect(parsed.stderr == "")
    #expect(Rigctl.immediateAnswer(["--version"]) == parsed.stdout)
    #expect(parsed.stdout == "0.1.0\n")
    for other in [[], ["--version", "--version"], ["validate", "--version"], ["--help"], ["-V"], ["--version="]] {
        #expect(Rigctl.immediateAnswer(other) == nil, "\(other)")
    }
}

/// Every command names itself: a command without `commandName` has ArgumentParser derive one from
/// its type name at every start, a runtime type lookup that each invocation pays.
@Test func everyCommandNamesItself() {
    func unnamed(_ command: any ParsableCommand.Type) -> [String] {
        let configuration = command.configuration
        let own = configuration.commandName == nil ? ["\(command)"] : []
        return own + configuration.subcommands.flatMap(unnamed)
    }
    #expect(unnamed(Rigctl.self) == [])
    #expect(Rigctl.configuration.subcommands.count >= 14)
}
