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

@Suite struct CUDAProberTests {
    @Test func severalToolkitsAndDistroNvcc() async throws {
        var machine = FakeSystem()
        machine.directories["/usr/local"] = ["bin", "cuda", "cuda-10.1", "cuda-11.5"]
        machine.files["/usr/local/cuda-11.5/version.json"] = try Fixture.text("tools/05_nvcc_cuda_version/version_json_cuda_11.5.2_no_driver_entry.txt")
        machine.files["/usr/local/cuda-10.1/version.txt"] = "CUDA Version 10.1.243\n"
        machine.commands[["nvcc", "--version"]] = .output(try Fixture.text("tools/05_nvcc_cuda_version/nvcc_11.5.119_ubuntu_apt_nvidia-cuda-toolkit.txt"))
        let cuda = await ProbeRunner.probe([.cuda], on: machine, probers: [CUDAProber()]).cuda
        #expect(cuda?.toolkits == .value([CUDAToolkitFacts(path: "/usr/local/cuda-10.1", version: "10.1.243"),
                                         CUDAToolkitFacts(path: "/usr/local/cuda-11.5", version: "11.5.2")]))
        #expect(cuda?.nvcc == .value("11.5.119"))
        #expect(cuda?.driverSupports == .unknown("not probed"))
    }
}
