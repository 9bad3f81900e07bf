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
