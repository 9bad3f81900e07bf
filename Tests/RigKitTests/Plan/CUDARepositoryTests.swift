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

@Suite struct CUDARepositoryTests {
    @Test func directoriesFollowNVIDIAsNaming() {
        #expect(CUDARepository(os: .init(distro: .ubuntu, release: "24.04")).directory == "ubuntu2404")
        #expect(CUDARepository(os: .init(distro: .pop, release: "22.04")).directory == "ubuntu2204")
        #expect(CUDARepository(os: .init(distro: .debian, release: "12")).directory == "debian12")
        #expect(CUDARepository(os: .init(distro: .debian, release: "12.5")).directory == "debian12")
    }

    @Test func arm64UsesNVIDIAsSbsaRepositories() {
        let repository = CUDARepository(os: .init(distro: .ubuntu, release: "24.04", architecture: .arm64))
        #expect(repository.name == "ubuntu2404/sbsa")
        #expect(repository.keyringURL
            == "https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404/sbsa/cuda-keyring_1.1-1_all.deb")
        #expect(CUDARepository(os: .init(distro: .ubuntu, release: "24.04", architecture: .amd64)).name == "ubuntu2404")
    }

    @Test func theKeyringURL() {
        #expect(CUDARepository(directory: "ubuntu2204").keyringURL
            == "https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/cuda-keyring_1.1-1_all.deb")
    }
}
