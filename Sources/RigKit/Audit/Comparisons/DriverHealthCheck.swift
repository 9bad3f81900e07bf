import RigSpec
import RigSystem
import RigProbe

/// The 2 AM breakages of an NVIDIA machine, judged from `DriverHealthFacts` for a spec with
/// `drivers.nvidia`. Each is one finding under a key the spec does not write (located at
/// `drivers.nvidia`), so `plan` can mark the step that fixes it:
///
/// | key | breaks when | fixed by |
/// |---|---|---|
/// | `drivers.nvidia.user-space` | the user-space driver is not the loaded module's version | `reboot-notice` |
/// | `drivers.nvidia.dkms` | DKMS has no module for the running or the newest kernel | `dkms-modules` (headers, `dkms autoinstall -k`) |
/// | `drivers.nvidia.nouveau` | nouveau is loaded, or no modprobe.d file blacklists it | `nouveau-blacklist` |
/// | `drivers.nvidia.secure-boot` | Secure Boot is on and the module is unsigned | a person (MOK) |
/// | `drivers.nvidia.hold` | unattended-upgrades is on and the driver is neither held nor blacklisted | `hold-nvidia-driver` |
/// | `drivers.cuda.default` | `/usr/local/cuda` is another toolkit than `drivers.cuda` | `cuda-default` (`update-alternatives --set cuda`) |
package struct DriverHealthCheck: SpecComparison {
    package init() {}

    package static let userSpaceKey: SpecKeyPath = "drivers.nvidia.user-space"
    package static let dkmsKey: SpecKeyPath = "drivers.nvidia.dkms"
    package static let nouveauKey: SpecKeyPath = "drivers.nvidia.nouveau"
    package static let secureBootKey: SpecKeyPath = "drivers.nvidia.secure-boot"
    package static let holdKey: SpecKeyPath = "drivers.nvidia.hold"
    package static let cudaDefaultKey: SpecKeyPath = "drivers.cuda.default"

    /// Package names that are the driver itself: Ubuntu's `nvidia-driver-570[-open|-server]`, NVIDIA's
    /// `cuda-drivers[-570]` and `nvidia-open[-570]` (CUDA installation guide, "Driver installation").
    static let driverPackagePrefixes = ["nvidia-driver-", "cuda-drivers", "nvidia-open"]

    package func groups(for spec: MachineSpec) -> Set<FactGroup> {
        spec.drivers?.nvidia == nil ? [] : [.driverHealth, .nvidiaDriver]
    }

    package func findings(_ spec: MachineSpec, _ facts: Facts, _ context: AuditContext) -> [Finding] {
        guard spec.drivers?.nvidia != nil, let health = facts.driverHealth else { return [] }
        var findings = [
            userSpace(health, loaded: facts.nvidiaDriver?.version, context),
            dkms(health, context),
            nouveau(health, context),
            secureBoot(health, context),
            hold(health, context),
        ]
        if let cuda = spec.drivers?.cuda { findings.append(cudaDefault(health, wanted: cuda, context)) }
        return findings
    }

    func userSpace(_ health: DriverHealthFacts, loaded: Fact<String>?, _ context: AuditContext) -> Finding {
        let key = Self.userSpaceKey
        let what = "the user-space NVIDIA driver against the loaded kernel module"
        guard let loaded else { return context.unknown(key, expected: "the loaded module's version", what: what, reason: "not probed") }
        switch (loaded, health.userSpaceVersion) {
        case (.unknown(let reason), _):
            return context.unknown(key, expected: "the loaded module's version", what: what, reason: reason)
        case (.value(let module), .unknown(let reason)):
            return context.unknown(key, expected: module, what: what, reason: reason)
        case (.value(let module), .value(let library)):
            // nvidia-smi reports the library as `570.124` (two parts) on the mismatch line.
            if library == module || module.hasPrefix(library + ".") {
                return context.ok(key, expected: module, actual: library, "the user-space driver (libnvidia-ml \(library)) matches the loaded kernel module")
            }
            let nvml = health.nvml.value.flatMap { $0 == "ok" ? nil : $0 }
            let said = nvml.map { "; nvidia-smi says \"\($0)\"" } ?? ""
            return context.drift(key, expected: module, actual: library,
                                 "the loaded NVIDIA kernel module is \(module) but the user-space driver (libnvidia-ml) is \(library)\(said): the driver was upgraded without a reboot, and every CUDA program fails until the machine reboots")
        }
    }

    func dkms(_ health: DriverHealthFacts, _ context: AuditContext) -> Finding {
        let key = Self.dkmsKey
        let what = "the DKMS-built NVIDIA module"
        let modules: [DKMSModuleFacts]
        switch health.dkms {
        case .unknown(let reason):
            if reason.hasSuffix("not installed") {
                return context.ok(key, expected: "built for every kernel", actual: "no DKMS",
                                  "DKMS is not installed: the NVIDIA module is not built by DKMS (prebuilt modules or the .run installer)")
            }
            return context.unknown(key, expected: "built for every kernel", what: what, reason: reason)
        case .value(let value): modules = value
        }
        guard !modules.isEmpty else {
            return context.ok(key, expected: "built for every kernel", actual: "no DKMS nvidia module",
                              "DKMS builds no NVIDIA module here (prebuilt modules or the .run installer)")
        }
        let built = Set(modules.filter { $0.state.hasPrefix("installed") }.compactMap(\.kernel))
        let running = health.runningKernel.value
        let newest = health.installedKernels.value?.last
        if let running, !built.contains(running) {
            return context.drift(key, expected: "built for \(running)", actual: Self.describe(built),
                                 "DKMS has no NVIDIA module installed for the running kernel \(running) (built for \(Self.describe(built))): the driver cannot load; fix: dkms autoinstall -k \(running)")
        }
        if let newest, !built.contains(newest) {
            return context.drift(key, expected: "built for \(newest)", actual: Self.describe(built),
                                 "DKMS has no NVIDIA module for \(newest), the newest installed kernel (built for \(Self.describe(built))): the next boot runs it without the driver; fix: install linux-headers-\(newest), then dkms autoinstall -k \(newest)")
        }
        guard let running else {
            return context.unknown(key, expected: "built for every kernel", what: what, reason: health.runningKernel.reason ?? "running kernel unknown")
        }
        let kernels = newest.map { $0 == running ? running : "\(running) and \($0)" } ?? running
        return context.ok(key, expected: "built for every kernel", actual: Self.describe(built), "DKMS has the NVIDIA module for \(kernels)")
    }

    func nouveau(_ health: DriverHealthFacts, _ context: AuditContext) -> Finding {
        let key = Self.nouveauKey
        let expected = "not loaded, blacklisted"
        switch (health.nouveauLoaded, health.nouveauBlacklist) {
        case (.value(true), let blacklist):
            let blacklistNote = blacklist.value.map { $0 == "none" ? "and no modprobe.d file blacklists it" : "although \($0) blacklists it (the initramfs is older)" } ?? ""
            return context.drift(key, expected: expected, actual: "loaded",
                                 "the nouveau driver is loaded \(blacklistNote): it holds the GPU, so the NVIDIA driver cannot bind it")
        case (.unknown(let reason), _), (_, .unknown(let reason)):
            return context.unknown(key, expected: expected, what: "nouveau", reason: reason)
        case (.value(false), .value("none")):
            return Finding(spec: context.spec, keyPath: key, expected: expected, actual: "not blacklisted", status: .drift, severity: .warning,
                           message: "no modprobe.d file blacklists nouveau: a boot where the NVIDIA module fails to load (a new kernel without it) hands the GPU to nouveau")
        case (.value(false), .value(let file)):
            return context.ok(key, expected: expected, actual: "blacklisted", "nouveau is not loaded and \(file) blacklists it")
        }
    }

    func secureBoot(_ health: DriverHealthFacts, _ context: AuditContext) -> Finding {
        let key = Self.secureBootKey
        let expected = "off, or a signed module"
        switch health.secureBoot {
        case .unknown(let reason):
            return context.unknown(key, expected: expected, what: "Secure Boot", reason: reason)
        case .value(false):
            return context.ok(key, expected: expected, actual: "Secure Boot off", "Secure Boot is off: the kernel loads unsigned modules")
        case .value(true):
            switch health.moduleSigner {
            case .unknown(let reason):
                return context.unknown(key, expected: expected, what: "the nvidia module's signature (Secure Boot is on)", reason: reason)
            case .value(""):
                return context.drift(key, expected: expected, actual: "Secure Boot on, module unsigned",
                                     "Secure Boot is on and the nvidia module is unsigned: the kernel refuses it (\"Loading of unsigned module is rejected\"); enrol a Machine Owner Key (mokutil --import) and sign the module, or turn Secure Boot off in the firmware")
            case .value(let signer):
                return context.ok(key, expected: expected, actual: "signed by \(signer)",
                                  "Secure Boot is on and the nvidia module is signed by \(signer) (the key must be enrolled: mokutil --list-enrolled)")
            }
        }
    }

    func hold(_ health: DriverHealthFacts, _ context: AuditContext) -> Finding {
        let key = Self.holdKey
        let expected = "held, or unattended-upgrades off"
        switch health.unattendedUpgrades {
        case .unknown(let reason):
            return context.unknown(key, expected: expected, what: "unattended-upgrades", reason: reason)
        case .value(false):
            return context.ok(key, expected: expected, actual: "unattended-upgrades off", "unattended-upgrades is off: nothing upgrades the driver unasked")
        case .value(true):
            break
        }
        let held = (health.heldPackages.value ?? []).filter { name in Self.driverPackagePrefixes.contains { name.hasPrefix($0) } }
        if !held.isEmpty {
            return context.ok(key, expected: expected, actual: "held", "unattended-upgrades is on and \(held.joined(separator: ", ")) \(held.count == 1 ? "is" : "are") held")
        }
        // Entries are regular expressions matched at the start of the name; `nvidia-` and `libnvidia-` are the usual ones.
        let blacklist = health.unattendedBlacklist.value ?? []
        if let entry = blacklist.first(where: { $0.hasPrefix("nvidia") || $0.hasPrefix("libnvidia") || $0.hasPrefix("cuda-drivers") }) {
            return context.ok(key, expected: expected, actual: "blacklisted", "unattended-upgrades is on and its Package-Blacklist has \(entry)")
        }
        if case .unknown(let reason) = health.heldPackages {
            return context.unknown(key, expected: expected, what: "held packages (unattended-upgrades is on)", reason: reason)
        }
        return Finding(spec: context.spec, keyPath: key, expected: expected, actual: "not held", status: .drift, severity: .warning,
                       message: "unattended-upgrades is on and no NVIDIA driver package is held: a nightly upgrade replaces the user-space driver under the loaded module (\"Failed to initialize NVML: Driver/library version mismatch\" until a reboot)")
    }

    func cudaDefault(_ health: DriverHealthFacts, wanted: VersionConstraint, _ context: AuditContext) -> Finding {
        let key = Self.cudaDefaultKey
        let expected = wanted.description
        switch health.defaultCUDA {
        case .unknown(let reason):
            return context.unknown(key, expected: expected, what: "/usr/local/cuda", reason: reason)
        case .value("none"):
            return context.missing(key, expected: expected, "/usr/local/cuda does not exist: builds that look there (CUDA_HOME, CMake) find no toolkit")
        case .value(let version):
            if Version(version).map(wanted.isSatisfied) ?? false {
                return context.ok(key, expected: expected, actual: version, "/usr/local/cuda is CUDA \(version)")
            }
            let release = wanted.version.components.prefix(2).map(String.init).joined(separator: ".")
            return context.drift(key, expected: expected, actual: version,
                                 "/usr/local/cuda is CUDA \(version), the spec wants \(expected): builds that use it compile against the wrong toolkit; fix: update-alternatives --set cuda /usr/local/cuda-\(release)")
        }
    }

    static func describe(_ kernels: Set<String>) -> String {
        kernels.isEmpty ? "no kernel" : kernels.sorted(by: KernelRelease.precedes).joined(separator: ", ")
    }
}
