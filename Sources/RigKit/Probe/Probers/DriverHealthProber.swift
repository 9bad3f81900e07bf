import RigSpec
import RigSystem

/// The driver-health facts (`DriverHealthFacts`): the NVML library and nvidia-smi, /boot and
/// `dkms status`, /proc/modules and modprobe.d, `mokutil --sb-state` and `modinfo -F signer nvidia`,
/// the package manager's holds and automatic-upgrade settings (`apt-mark showhold`, unattended-upgrades),
/// and `/usr/local/cuda/version.json`.
/// Every command only looks; the commands run concurrently.
package struct DriverHealthProber: Prober {
    /// Whose holds are read (`SystemPackageManager.heldPackagesCommand`).
    package var manager: SystemPackageManager

    package init(manager: SystemPackageManager = .apt) { self.manager = manager }
    package var groups: Set<FactGroup> { [.driverHealth] }
    package var runsCommands: Bool { true }

    /// The query whose failure text says whether NVML starts (the same library every CUDA program loads).
    static let nvidiaSMI = ["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let smi = system.run(Self.nvidiaSMI, timeout: timeout)
        async let dkmsRun = system.run(["dkms", "status"], timeout: timeout)
        async let mokutil = system.run(["mokutil", "--sb-state"], timeout: timeout)
        async let modinfo = system.run(["modinfo", "-F", "signer", "nvidia"], timeout: timeout)
        async let holds = system.run(manager.heldPackagesCommand, timeout: timeout)

        var health = DriverHealthFacts()
        let library = Self.libraryVersion(system)
        let smiResult = await smi
        health.nvml = Self.nvml(smiResult)
        health.userSpaceVersion = library.value.map(Fact.value)
            ?? NVMLLibrary.reportedLibraryVersion(smiResult.output + smiResult.errorOutput).map(Fact.value)
            ?? library
        health.runningKernel = Self.runningKernel(system)
        health.installedKernels = Self.installedKernels(system)
        health.dkms = Self.dkms(await dkmsRun)
        health.nouveauLoaded = system.readTextResult("/proc/modules").map { ProcModules.names($0).contains("nouveau") }.fact
        health.nouveauBlacklist = Self.nouveauBlacklist(system)
        health.secureBoot = Self.secureBoot(await mokutil)
        health.moduleSigner = Self.signer(await modinfo)
        health.heldPackages = Self.held(await holds, program: manager.heldPackagesProgram)
        (health.unattendedUpgrades, health.unattendedBlacklist) = manager.automaticUpgrades(system)
        health.defaultCUDA = Self.defaultCUDA(system)
        let result = health
        return FactsUpdate { $0.driverHealth = result }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            guard facts.driverHealth != nil else { return }
            var health = DriverHealthFacts()
            health.userSpaceVersion = .unknown(reason)
            health.nvml = .unknown(reason)
            health.runningKernel = .unknown(reason)
            health.installedKernels = .unknown(reason)
            health.dkms = .unknown(reason)
            health.nouveauLoaded = .unknown(reason)
            health.nouveauBlacklist = .unknown(reason)
            health.secureBoot = .unknown(reason)
            health.moduleSigner = .unknown(reason)
            health.heldPackages = .unknown(reason)
            health.unattendedUpgrades = .unknown(reason)
            health.unattendedBlacklist = .unknown(reason)
            health.defaultCUDA = .unknown(reason)
            facts.driverHealth = health
        }
    }

    static func libraryVersion(_ system: any System) -> Fact<String> {
        var versions: [String] = []
        for directory in NVMLLibrary.directories {
            guard let names = try? system.listDirectory(directory) else { continue }
            versions += NVMLLibrary.versions(in: names)
        }
        guard let newest = versions.max(by: KernelRelease.precedes) else {
            return .unknown("no libnvidia-ml.so.<version> in \(NVMLLibrary.directories.joined(separator: ", ")) (user-space driver not installed)")
        }
        return .value(newest)
    }

    static func nvml(_ result: CommandResult) -> Fact<String> {
        if result.succeeded { return .value("ok") }
        if let error = NVMLLibrary.initializationError(result.output + "\n" + result.errorOutput) {
            return .value(UntrustedText.escaped(error))
        }
        return .unknown(result.failureReason(program: "nvidia-smi") ?? "nvidia-smi failed")
    }

    static func runningKernel(_ system: any System) -> Fact<String> {
        switch system.readTextResult("/proc/sys/kernel/osrelease") {
        case .success(let text): return Fact(text.trimmed.isEmpty ? nil : UntrustedText.escaped(text.trimmed), else: "/proc/sys/kernel/osrelease is empty")
        case .failure(let error): return .unknown(error.description)
        }
    }

    static func installedKernels(_ system: any System) -> Fact<[String]> {
        do {
            let kernels = KernelRelease.installed(fromBoot: try system.listDirectory("/boot"))
            return kernels.isEmpty ? .unknown("no vmlinuz-<release> in /boot") : .value(kernels)
        } catch {
            return .unknown(error.description)
        }
    }

    static func dkms(_ result: CommandResult) -> Fact<[DKMSModuleFacts]> {
        // dkms prints its status with exit 0 even when a dkms.conf is missing (pop-os/system76-driver#336).
        guard result.succeeded else {
            return .unknown(result.failureReason(program: "dkms") ?? "dkms failed")
        }
        let modules = DKMSStatus.parse(result.output).entries
            .filter { $0.module.hasPrefix("nvidia") }
            .map { DKMSModuleFacts(module: UntrustedText.escaped($0.module), version: UntrustedText.escaped($0.version),
                                   kernel: $0.kernel.map { UntrustedText.escaped($0) }, state: UntrustedText.escaped($0.state)) }
        return .value(modules.sorted { ($0.module, $0.version, $0.kernel ?? "") < ($1.module, $1.version, $1.kernel ?? "") })
    }

    static func nouveauBlacklist(_ system: any System) -> Fact<String> {
        var unreadable: [String] = []
        for directory in ModprobeConfig.directories {
            let names: [String]
            do { names = try system.listDirectory(directory) } catch {
                if case .notFound = error { continue }
                unreadable.append(error.description)
                continue
            }
            for name in names where name.hasSuffix(".conf") {
                let path = "\(directory)/\(name)"
                switch system.readTextResult(path) {
                case .success(let text) where ModprobeConfig.blacklists("nouveau", in: text): return .value(UntrustedText.escaped(path))
                case .success: break
                case .failure(let error): unreadable.append(error.description)
                }
            }
        }
        return unreadable.isEmpty ? .value("none") : .unknown(unreadable.joined(separator: "; "))
    }

    static func secureBoot(_ result: CommandResult) -> Fact<Bool> {
        let text = result.output + "\n" + result.errorOutput
        if let state = MokutilSBState.parse(text) { return .value(state) }
        if MokutilSBState.saysNoEFI(text) { return .value(false) }
        return .unknown(result.failureReason(program: "mokutil") ?? "mokutil --sb-state printed no SecureBoot line")
    }

    static func signer(_ result: CommandResult) -> Fact<String> {
        // `modinfo: ERROR: Module nvidia not found.` (exit 1): no module for the running kernel.
        if let reason = result.failureReason(program: "modinfo") {
            return .unknown(result.errorOutput.contains("not found") ? "no nvidia module for the running kernel (modinfo: Module nvidia not found)" : reason)
        }
        return .value(UntrustedText.escaped(result.output.trimmed))
    }

    static func held(_ result: CommandResult, program: String) -> Fact<[String]> {
        if let reason = result.failureReason(program: program) { return .unknown(reason) }
        return .value(result.output.split(whereSeparator: \.isNewline).map { UntrustedText.escaped(String($0).trimmed) }.filter { !$0.isEmpty }.sorted())
    }

    static func defaultCUDA(_ system: any System) -> Fact<String> {
        if let data = try? system.readFile("/usr/local/cuda/version.json"), let parsed = CUDAVersionJSON.parse(data) {
            return .value(UntrustedText.escaped(parsed.version))
        }
        if let text = try? system.readText("/usr/local/cuda/version.txt"), let parsed = CUDAVersionJSON.parseText(text) {
            return .value(UntrustedText.escaped(parsed.version))
        }
        return system.fileExists("/usr/local/cuda") ? .unknown("/usr/local/cuda has no version.json or version.txt") : .value("none")
    }
}

private extension Result where Success == Bool, Failure == SystemError {
    var fact: Fact<Bool> {
        switch self {
        case .success(let value): return .value(value)
        case .failure(let error): return .unknown(error.description)
        }
    }
}
