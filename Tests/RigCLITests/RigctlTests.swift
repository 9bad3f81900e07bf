import Testing
@testable import RigCLI

@Test func rootCommandHasVersion() {
    #expect(Rigctl.configuration.version == "0.1.0")
}
