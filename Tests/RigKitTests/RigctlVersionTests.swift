import Testing
@testable import RigKit

@Test func versionIsSemantic() {
    #expect(RigctlVersion.current.split(separator: ".").count == 3)
}
