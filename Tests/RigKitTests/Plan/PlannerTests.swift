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

@Suite struct PlannerTests {
    let planner = Planner()

    @Test func stepsComeInTheIssueOrder() {
        let plan = planner.plan(spec: PlanExamples.computeNode, dotfiles: PlanExamples.dotfiles)
        #expect(plan.steps.map(\.id) == [
            "cuda-repository", "apt-packages", "nvidia-driver", "hold-nvidia-driver", "nouveau-blacklist", "dkms-modules", "cuda-toolkit",
            "cuda-default", "gpu-settings", "python-environment", "dotfiles", "hostname", "bios-version", "bios-above-4g-decoding", "bios-virtualization", "bios-secure-boot", "bios-xmp", "reboot-notice",
        ])
        #expect(plan.machine == "compute-node")
        #expect(plan.specFile == "machines/compute-node.yaml")
    }

    @Test func everyStepHasAGuardAndOnlySystemStepsNeedRoot() {
        let plan = planner.plan(spec: PlanExamples.computeNode, dotfiles: PlanExamples.dotfiles)
        #expect(plan.steps.filter(\.needsRoot).map(\.id) == [
            "cuda-repository", "apt-packages", "nvidia-driver", "hold-nvidia-driver", "nouveau-blacklist", "dkms-modules", "cuda-toolkit",
            "cuda-default", "gpu-settings", "python-environment", "hostname",
        ])
        #expect(plan.steps.filter { $0.check == .confirmedByPerson }.map(\.id).allSatisfy { $0.hasPrefix("bios-") })
        #expect(plan.steps.allSatisfy { $0.status == .pending })
    }

    @Test func aBranchDriverOnUbuntuInstallsTheBranchPackageUnpinned() throws {
        let step = try #require(planner.plan(spec: PlanExamples.computeNode).step("nvidia-driver"))
        #expect(step.check == .packagesInstalled([AptPin(name: "nvidia-driver-570-open")]))
        #expect(step.fixes == ["drivers.nvidia.version", "drivers.nvidia.flavor"])
    }

    @Test func anExactDriverIsPinnedByVersionGlobAndHeld() throws {
        let step = try #require(planner.plan(spec: PlanExamples.bigRigPinned).step("nvidia-driver"))
        #expect(step.check == .packagesInstalled([AptPin(name: "nvidia-driver-570-open", versionGlob: "570.124.06-*", hold: true)]))
    }

    @Test func aMinimumDriverAcceptsAnyNewerBranchOfTheFlavour() throws {
        let step = try #require(planner.plan(spec: PlanExamples.workstation).step("nvidia-driver"))
        #expect(step.check == .driverBranchInstalled(flavor: .open, minimumBranch: 570))
        guard case .nvidiaDriver(let driver) = step.kind else { Issue.record("not a driver step"); return }
        #expect(driver.package == AptPin(name: "nvidia-driver-570-open"))
    }

    @Test func pinnedPackagesAreHeld() throws {
        let step = try #require(planner.plan(spec: PlanExamples.bigRigPinned).step("apt-packages"))
        guard case .packagesInstalled(let pins) = step.check else { Issue.record("wrong guard"); return }
        #expect(pins.last == AptPin(name: "nvme-cli", versionGlob: "2.9.1-3", hold: true))
        #expect(pins.first == AptPin(name: "build-essential"))
        #expect(step.title == "Install 9 apt packages")
    }

    @Test func debianTakesTheDriverFromNVIDIAsRepositoryWithABranchPreference() throws {
        var spec = PlanExamples.computeNode
        spec.os = .init(distro: .debian, release: "12")
        let plan = planner.plan(spec: spec)
        let repository = try #require(plan.step("cuda-repository"))
        #expect(repository.kind == .aptRepository(CUDARepository(directory: "debian12")))
        #expect(repository.fixes == ["drivers.cuda", "drivers.nvidia.version"])
        let driver = try #require(plan.step("nvidia-driver"))
        guard case .nvidiaDriver(let install) = driver.kind, let preferences = install.preferences else {
            Issue.record("expected a driver step with an apt preference"); return
        }
        #expect(install.package == AptPin(name: "nvidia-open", versionGlob: "570.*"))
        #expect(preferences.path == "/etc/apt/preferences.d/rigctl-nvidia-driver")
        #expect(driver.check == .all([.fileContents(preferences), .packagesInstalled([install.package])]))
    }

    @Test func arm64UbuntuUsesTheSbsaRepositoryForDriverAndToolkit() throws {
        var spec = PlanExamples.computeNode
        spec.os = .init(distro: .ubuntu, release: "24.04", architecture: .arm64)
        spec.drivers?.cuda = PlanExamples.constraint("13.0")
        let plan = planner.plan(spec: spec)
        let repository = try #require(plan.step("cuda-repository"))
        #expect(repository.kind == .aptRepository(CUDARepository(directory: "ubuntu2404", architecture: "sbsa")))
        #expect(repository.title == "Add NVIDIA's CUDA apt repository (ubuntu2404/sbsa)")
        #expect(repository.fixes == ["drivers.cuda", "drivers.nvidia.version"])
        guard case .nvidiaDriver(let install) = try #require(plan.step("nvidia-driver")).kind else {
            Issue.record("expected a driver step"); return
        }
        #expect(install.package == AptPin(name: "nvidia-open", versionGlob: "570.*"))
        #expect(install.preferences != nil)
        guard case .cudaToolkit(let cuda) = try #require(plan.step("cuda-toolkit")).kind else {
            Issue.record("expected a toolkit step"); return
        }
        #expect(cuda.package == AptPin(name: "cuda-toolkit-13-0"))
    }

    @Test func aDriverWithoutCUDAOnUbuntuNeedsNoRepository() {
        var spec = PlanExamples.computeNode
        spec.drivers?.cuda = nil
        let ids = planner.plan(spec: spec).steps.map(\.id)
        #expect(!ids.contains("cuda-repository"))
        #expect(!ids.contains("cuda-toolkit"))
        #expect(ids.contains("nvidia-driver"))
    }

    @Test func noDriverMeansNoRebootNotice() {
        var spec = PlanExamples.computeNode
        spec.drivers = nil
        spec.gpuSettings = nil
        spec.bios = nil
        #expect(planner.plan(spec: spec).steps.map(\.id) == ["apt-packages", "python-environment", "hostname"])
    }

    @Test func gpuSettingsFixOnlyWhatTheSpecSets() throws {
        var spec = PlanExamples.bigRig
        spec.gpuSettings = .init(powerLimit: nil, persistence: true)
        let step = try #require(planner.plan(spec: spec).step("gpu-settings"))
        #expect(step.fixes == ["gpu-settings.persistence"])
        #expect(step.title == "Apply GPU settings at every boot (persistence on)")
    }

    @Test func stepsWhoseKeyPathsAllMatchAreDone() {
        let satisfied: Set<SpecKeyPath> = ["packages.apt", "hostname", "drivers.nvidia.version", "drivers.nvidia.user-space", "bios.settings.secure-boot"]
        let plan = planner.plan(spec: PlanExamples.computeNode, satisfied: satisfied)
        let done = plan.steps.filter { $0.status == .done }.map(\.id)
        // nvidia-driver also needs drivers.nvidia.flavor; reboot-notice the version and the user-space driver.
        #expect(done == ["apt-packages", "hostname", "bios-secure-boot", "reboot-notice"])
        #expect(plan.pendingSteps.count == plan.steps.count - 4)
    }

    @Test func withoutFindingsNothingIsDone() {
        let plan = planner.plan(spec: PlanExamples.computeNode, satisfied: nil)
        #expect(plan.pendingSteps.count == plan.steps.count)
    }
}
