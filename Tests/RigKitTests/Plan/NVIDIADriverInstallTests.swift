import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct NVIDIADriverInstallTests {
    let ubuntu = MachineSpec.OperatingSystem(distro: .ubuntu, release: "22.04")
    let pop = MachineSpec.OperatingSystem(distro: .pop, release: "22.04")
    let debian = MachineSpec.OperatingSystem(distro: .debian, release: "12")

    func install(_ version: String, _ flavor: MachineSpec.Drivers.NVIDIA.Flavor, _ os: MachineSpec.OperatingSystem) -> NVIDIADriverInstall {
        NVIDIADriverInstall(driver: .init(version: PlanExamples.constraint(version), flavor: flavor), os: os)
    }

    @Test func ubuntuNamesThePackageAfterBranchAndFlavour() {
        #expect(install("570", .open, ubuntu).package == AptPin(name: "nvidia-driver-570-open"))
        #expect(install("535", .proprietary, ubuntu).package == AptPin(name: "nvidia-driver-535"))
        #expect(install("570", .open, pop).package == AptPin(name: "nvidia-driver-570-open"))
        #expect(install("570", .open, ubuntu).pinning == .branch(570))
        #expect(install("570", .open, ubuntu).preferences == nil)
    }

    @Test func exactVersionsMatchTheAptRevisionAndAreHeld() {
        let exact = install("570.124.06", .open, ubuntu)
        #expect(exact.package == AptPin(name: "nvidia-driver-570-open", versionGlob: "570.124.06-*", hold: true))
        #expect(exact.package.specifier == "nvidia-driver-570-open=570.124.06-*")
        // Two components are a prefix of the full version, not a full version.
        #expect(install("570.124", .open, ubuntu).package.versionGlob == "570.124.*")
    }

    @Test func aMinimumInstallsItsOwnBranchWithoutPinning() {
        let minimum = install(">=575", .proprietary, ubuntu)
        #expect(minimum.package == AptPin(name: "nvidia-driver-575"))
        #expect(minimum.minimumBranch == 575)
    }

    @Test func ubuntuOnArm64TakesTheDriverFromNVIDIAsRepository() {
        let spark = MachineSpec.OperatingSystem(distro: .ubuntu, release: "24.04", architecture: .arm64)
        let open = install("580", .open, spark)
        #expect(open.source == .nvidiaRepository)
        #expect(open.package == AptPin(name: "nvidia-open", versionGlob: "580.*"))
        #expect(open.preferences?.contents.contains("Pin: version 580.*") == true)
        // Pop!_OS builds its branch packages for arm64 too.
        let popArm = MachineSpec.OperatingSystem(distro: .pop, release: "24.04", architecture: .arm64)
        #expect(install("580", .open, popArm).package == AptPin(name: "nvidia-driver-580-open"))
    }

    @Test func debianUsesNVIDIAsMetapackagesAndAnAptPreference() {
        let open = install("570", .open, debian)
        #expect(open.source == .nvidiaRepository)
        #expect(open.package == AptPin(name: "nvidia-open", versionGlob: "570.*"))
        #expect(open.preferences?.contents == """
            Explanation: Managed by rigctl: keeps the NVIDIA driver at 570 (drivers.nvidia.version).
            Package: nvidia-* libnvidia-* libcuda* libnvcuvid* libnvoptix* libxnvctrl* firmware-nvidia-* cuda-drivers*
            Pin: version 570.*
            Pin-Priority: 1001

            """)
        #expect(install("570.124.06", .proprietary, debian).package == AptPin(name: "cuda-drivers", versionGlob: "570.124.06-*", hold: true))
        #expect(install(">=570", .open, debian).preferences == nil)
    }
}
