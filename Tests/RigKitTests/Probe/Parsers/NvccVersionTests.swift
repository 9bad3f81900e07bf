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

@Suite struct NvccVersionTests {
    @Test(arguments: [
        ("nvcc_12.5.82_cuda12.5u1.txt", "12.5", "12.5.82"),
        ("nvcc_11.5.119_ubuntu_apt_nvidia-cuda-toolkit.txt", "11.5", "11.5.119"),
        ("nvcc_11.1.105.txt", "11.1", "11.1.105"),
        ("nvcc_13.0.88.txt", "13.0", "13.0.88"),
        ("nvcc_10.1.243_no_build_line.txt", "10.1", "10.1.243"),
    ])
    func releaseAndVersion(file: String, release: String, version: String) throws {
        let parsed = try #require(NvccVersion.parse(try Fixture.text("tools/05_nvcc_cuda_version/\(file)")))
        #expect(parsed.release == release)
        #expect(parsed.version == version)
    }

    @Test func notNvcc() {
        #expect(NvccVersion.parse("bash: nvcc: command not found") == nil)
    }
}
