import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// Turns a machine spec into the ordered steps that converge it:
/// package repos → packages → NVIDIA driver (hold, nouveau, DKMS) → CUDA (+ /usr/local/cuda) → ROCm → GPU settings →
/// Python → containers → dotfiles → hostname → manual BIOS checklist → reboot notice.
///
/// Every step carries a guard, so a plan made from the spec alone is idempotent wherever it runs.
/// When the caller knows which key paths already match the machine (from findings), steps whose
/// key paths all match are marked done.
package struct Planner: Sendable {
    package init() {}

    /// - Parameters:
    ///   - satisfied: key paths that findings show as `ok`; nil when no facts are known.
    ///   - dotfiles: the files the theme renderer made for this machine (home-relative).
    package func plan(spec: MachineSpec, satisfied: Set<SpecKeyPath>? = nil, dotfiles: [RenderedFile] = []) -> Plan {
        var steps: [Step] = []
        let driver = spec.drivers?.nvidia.map { NVIDIADriverInstall(driver: $0, os: spec.os) }
        let cuda = spec.drivers?.cuda.map(CUDAToolkitInstall.init(constraint:))
        let packages = spec.os.systemPackages

        if cuda != nil || driver?.source == .nvidiaRepository {
            let repository = CUDARepository(os: spec.os)
            var fixes: [SpecKeyPath] = []
            if cuda != nil { fixes.append("drivers.cuda") }
            if driver?.source == .nvidiaRepository { fixes.append("drivers.nvidia.version") }
            steps.append(Step(
                id: "cuda-repository", title: "Add NVIDIA's CUDA \(packages.name) repository (\(repository.name))",
                kind: .aptRepository(repository), needsRoot: true, fixes: fixes,
                check: .packagesInstalled([AptPin(name: CUDARepository.keyringPackage)])))
        }

        if !spec.packages.brew.isEmpty || !spec.packages.casks.isEmpty {
            let brewfile = Brewfile(formulae: spec.packages.brew, casks: spec.packages.casks)
            var fixes: [SpecKeyPath] = []
            if !spec.packages.brew.isEmpty { fixes.append("packages.brew") }
            if !spec.packages.casks.isEmpty { fixes.append("packages.casks") }
            // Homebrew refuses to run as root (docs.brew.sh FAQ): the step runs as the user.
            steps.append(Step(
                id: "brew-packages", title: "Install \(brewfile.summary) with brew bundle",
                kind: .brewBundle(brewfile), needsRoot: false, fixes: fixes,
                check: .brewBundleSatisfied(brewfile)))
        }

        if !spec.packages.apt.isEmpty {
            let pins = spec.packages.apt.map { AptPin(name: $0.name, versionGlob: $0.version, hold: $0.version != nil) }
            steps.append(Step(
                id: "apt-packages", title: "Install \(pins.count) \(packages.name) package\(pins.count == 1 ? "" : "s")",
                kind: .aptPackages(spec.packages.apt), needsRoot: true, fixes: ["packages.apt"],
                check: .packagesInstalled(pins)))
        }

        if let driver {
            steps.append(Step(
                id: "nvidia-driver", title: "Install the NVIDIA driver \(driver.constraint) (\(driver.flavor.rawValue) kernel modules)",
                kind: .nvidiaDriver(driver), needsRoot: true, fixes: ["drivers.nvidia.version", "drivers.nvidia.flavor"],
                check: driverGuard(driver)))
            // A branch install follows the branch's updates; held, unattended-upgrades cannot swap the
            // user-space driver under the loaded module. `>=` asks for upgrades; an exact pin is held already.
            if case .branch = driver.pinning, !driver.package.hold {
                steps.append(Step(
                    id: "hold-nvidia-driver", title: "Hold \(driver.package.name) so unattended upgrades cannot replace it under the loaded module",
                    kind: .aptHold([driver.package.name]), needsRoot: true, fixes: [DriverHealthCheck.holdKey],
                    check: .packagesInstalled([AptPin(name: driver.package.name, hold: true)])))
            }
            steps.append(Step(
                id: "nouveau-blacklist", title: "Blacklist nouveau (\(NouveauBlacklist.file.path)) and rebuild the initramfs",
                kind: .modprobeBlacklist(NouveauBlacklist.file), needsRoot: true, fixes: [DriverHealthCheck.nouveauKey],
                check: .fileContents(NouveauBlacklist.file)))
            // A kernel update without its headers leaves the module unbuilt: the next boot has no driver.
            steps.append(Step(
                id: "dkms-modules", title: "Build the NVIDIA DKMS module for the running and the newest kernel",
                kind: .dkmsModules, needsRoot: true, fixes: [DriverHealthCheck.dkmsKey],
                check: .dkmsModulesCurrent))
        }

        if let cuda {
            steps.append(Step(
                id: "cuda-toolkit", title: "Install the CUDA toolkit \(cuda.constraint) and put it on PATH",
                kind: .cudaToolkit(cuda), needsRoot: true, fixes: ["drivers.cuda"],
                check: .all([.packagesInstalled([cuda.package]), .fileContents(cuda.profileScript)])))
            let target = CUDADefault(cuda)
            steps.append(Step(
                id: "cuda-default", title: "Point /usr/local/cuda at \(target.summary) (update-alternatives)",
                kind: .cudaDefault(target), needsRoot: true, fixes: [DriverHealthCheck.cudaDefaultKey],
                check: .cudaDefault(target)))
        }

        if let constraint = spec.drivers?.rocm {
            let rocm = ROCmInstall(constraint: constraint, os: spec.os)
            steps.append(Step(
                id: "rocm-repository", title: "Add AMD's amdgpu and ROCm \(rocm.release) \(packages.name) repositories (\(rocm.codename ?? spec.os.release))",
                kind: .rocmRepository(rocm), needsRoot: true, fixes: ["drivers.rocm"],
                check: .all([.fileExists(rocm.keyring)] + rocm.repositoryFiles.map(StepGuard.fileContents))))
            steps.append(Step(
                id: "rocm", title: "Install ROCm \(rocm.release) (\(rocm.packages.map(\.name).joined(separator: ", "))) and hold it",
                kind: .rocmPackages(rocm), needsRoot: true, fixes: ["drivers.rocm"],
                check: .packagesInstalled(rocm.packages)))
            steps.append(Step(
                id: "rocm-groups", title: "Add the user to the \(rocm.groups.joined(separator: " and ")) groups (GPU access for ROCm)",
                kind: .userGroups(rocm.groups), needsRoot: true, fixes: ["drivers.rocm"],
                check: .userInGroups(rocm.groups)))
        }

        if let settings = spec.gpuSettings, let unit = GPUSettingsUnit(settings) {
            var fixes: [SpecKeyPath] = []
            if settings.persistence != nil { fixes.append("gpu-settings.persistence") }
            if settings.powerLimit != nil { fixes.append("gpu-settings.power-limit") }
            steps.append(Step(
                id: "gpu-settings", title: "Apply GPU settings at every boot (\(unit.summary))",
                kind: .gpuSettings(unit), needsRoot: true, fixes: fixes,
                check: .all([.fileContents(unit.file), .unitActive(GPUSettingsUnit.unitName)])))
        }

        let platform = spec.os.profile.platform
        if let python = spec.python {
            let environment = PythonEnvironment(python, platform: platform)
            var fixes: [SpecKeyPath] = ["python.version", "python.packages"]
            if python.torch != nil { fixes.append("python.torch") }
            steps.append(Step(
                id: "python-environment", title: "Make the Python environment with uv (\(environment.summary))",
                kind: .pythonEnvironment(environment), needsRoot: platform == .linux, fixes: fixes,
                check: .pythonEnvironmentCurrent(environment)))
        }

        if let containers = spec.containers {
            steps += containerSteps(containers, os: spec.os)
        }

        if !dotfiles.isEmpty {
            steps.append(Step(
                id: "dotfiles", title: "Install \(dotfiles.count) dotfile\(dotfiles.count == 1 ? "" : "s") (theme)",
                kind: .dotfiles(dotfiles), needsRoot: false, fixes: ["theme"],
                check: .dotfilesCurrent(dotfiles)))
        }

        switch platform {
        case .linux:
            steps.append(Step(
                id: "hostname", title: "Set the hostname to \(spec.hostname)",
                kind: .hostname(spec.hostname), needsRoot: true, fixes: ["hostname"],
                check: .hostnameIs(spec.hostname)))
        case .macOS:
            // `scutil --set LocalHostName` needs an administrator; a plan for a Mac runs nothing as root,
            // so the name is a checklist item (System Settings > General > Sharing > Local hostname).
            steps.append(manualStep(id: "hostname", ChecklistItem(place: "System Settings > General > Sharing", setting: "Local hostname",
                                                                  value: spec.hostname), fixes: "hostname"))
        }

        if let bios = spec.bios {
            if let version = bios.version {
                steps.append(manualStep(id: "bios-version", ChecklistItem(place: "BIOS", setting: "version", value: version), fixes: "bios.version"))
            }
            for setting in bios.settings {
                steps.append(manualStep(id: "bios-\(setting.name)", ChecklistItem(place: "BIOS", setting: setting.name, value: setting.value),
                                        fixes: "bios.settings.\(setting.name)"))
            }
        }

        if driver != nil {
            steps.append(Step(
                id: "reboot-notice", title: "Reboot if the NVIDIA kernel module changed",
                kind: .rebootNotice, needsRoot: false, fixes: ["drivers.nvidia.version", DriverHealthCheck.userSpaceKey],
                check: .driverModuleLoaded))
        }

        if let satisfied {
            for index in steps.indices where steps[index].fixes.allSatisfy(satisfied.contains) {
                steps[index].status = .done
            }
        }
        return Plan(machine: spec.name, specFile: spec.file, os: spec.os, steps: steps)
    }

    /// Docker Engine from Docker's repository, the docker group's users, and the NVIDIA Container Toolkit
    /// from NVIDIA's repository with docker's nvidia runtime (docs/plan.md, "Containers").
    private func containerSteps(_ containers: MachineSpec.Containers, os: MachineSpec.OperatingSystem) -> [Step] {
        var steps: [Step] = []
        let engine = [ContainersCheck.engineKey]
        if let docker = AptSource.docker(os) {
            steps.append(Step(
                id: "docker-repository", title: "Add Docker's \(os.systemPackages.name) repository (\(docker.sources.path))",
                kind: .aptSource(docker), needsRoot: true, fixes: engine,
                check: .all([.fileExists(docker.keyring), .fileContents(docker.sources)])))
        }
        let service = PackagedService.dockerEngine
        steps.append(Step(
            id: "docker-engine", title: "Install Docker Engine (\(service.packages.joined(separator: ", "))) and start it",
            kind: .packagedService(service), needsRoot: true, fixes: engine,
            check: .all([.packagesInstalled(service.packages.map { AptPin(name: $0) }), .unitActive(service.unit)])))
        if !containers.dockerUsers.isEmpty {
            let members = GroupMembers(group: "docker", users: containers.dockerUsers)
            steps.append(Step(
                id: "docker-users", title: "Add \(members.users.joined(separator: ", ")) to the docker group (root-equivalent)",
                kind: .groupMembers(members), needsRoot: true, fixes: [ContainersCheck.usersKey],
                check: .usersInGroup(members)))
        }
        if containers.nvidiaToolkit {
            let toolkit = AptSource.nvidiaContainerToolkit(os.systemPackages)
            let runtime = DockerRuntime.nvidia
            steps.append(Step(
                id: "nvidia-container-toolkit-repository", title: "Add the NVIDIA Container Toolkit's \(os.systemPackages.name) repository (\(toolkit.sources.path))",
                kind: .aptSource(toolkit), needsRoot: true, fixes: [ContainersCheck.toolkitKey],
                check: .all([.fileExists(toolkit.keyring), .fileContents(toolkit.sources)])))
            steps.append(Step(
                id: "nvidia-container-toolkit", title: "Install the NVIDIA Container Toolkit and configure docker's nvidia runtime",
                kind: .dockerRuntime(runtime), needsRoot: true, fixes: [ContainersCheck.toolkitKey],
                check: .all([.packagesInstalled([AptPin(name: runtime.package)]), .dockerRuntime(runtime.runtime)])))
        }
        return steps
    }

    private func manualStep(id: String, _ item: ChecklistItem, fixes keyPath: SpecKeyPath) -> Step {
        Step(id: id, title: item.text, kind: .manual(item), needsRoot: false, fixes: [keyPath], check: .confirmedByPerson)
    }

    private func driverGuard(_ driver: NVIDIADriverInstall) -> StepGuard {
        switch (driver.pinning, driver.source) {
        case (.atLeast(let minimum), .nvidiaRepository):
            return .packageAtLeast(name: driver.package.name, minimum: minimum.text)
        case (.atLeast, .distributionArchive):
            return .driverBranchInstalled(flavor: driver.flavor, minimumBranch: driver.minimumBranch)
        case (.branch, _), (.exact, _):
            let installed = StepGuard.packagesInstalled([driver.package])
            return driver.preferences.map { .all([.fileContents($0), installed]) } ?? installed
        }
    }
}
