import RigSpec
import RigSystem
/// CPU from `/proc/cpuinfo` and `/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq`;
/// `lscpu -J` only when those leave something out (ARM kernels print no model name or sockets;
/// VMs have no cpufreq). Both JSON layouts (flat, and nested `children`) are read.
package struct CPUProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.cpu] }
    static let lscpuArgv = ["lscpu", "-J"]
    static let maxFrequencyPath = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        var cpu = CPUFacts()
        var cpuinfoReason = "/proc/cpuinfo: not read"
        switch system.readTextResult("/proc/cpuinfo") {
        case .success(let text):
            let info = Cpuinfo.parse(text)
            cpuinfoReason = "/proc/cpuinfo does not say"
            cpu.vendor = Fact(info.vendor, else: cpuinfoReason)
            cpu.model = Fact(info.modelName, else: cpuinfoReason)
            cpu.sockets = Fact(info.sockets, else: cpuinfoReason)
            cpu.cores = Fact(info.cores, else: cpuinfoReason)
            cpu.threads = Fact(info.processors > 0 ? info.processors : nil, else: cpuinfoReason)
            cpu.virtualization = info.flags.isEmpty ? .unknown("/proc/cpuinfo lists no flags") : .value(info.virtualizationFlag)
        case .failure(let error):
            cpuinfoReason = error.description
            cpu = unknownCPU(error.description)
        }
        switch system.readTextResult(Self.maxFrequencyPath) {
        case .success(let text):
            cpu.maxFrequencyMHz = Fact(Double(text.trimmed).flatMap { $0.isFinite && $0 > 0 ? $0 / 1000 : nil }, else: "cpuinfo_max_freq is not a number in range")
        case .failure(let error):
            cpu.maxFrequencyMHz = .unknown(error == .notFound(Self.maxFrequencyPath) ? "no cpufreq in /sys (frequency scaling off, or a VM)" : error.description)
        }
        // lscpu's "CPU max MHz" comes from the same cpufreq files, so a missing frequency alone
        // is no reason to start it.
        if cpu.lacksIdentity { await fillFromLscpu(&cpu, system: system, timeout: timeout) }
        let result = cpu
        return FactsUpdate { $0.cpu = result }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        let cpu = unknownCPU(reason)
        return FactsUpdate { $0.cpu = cpu }
    }

    private func fillFromLscpu(_ cpu: inout CPUFacts, system: any System, timeout: Duration) async {
        let result = await system.run(Self.lscpuArgv, timeout: timeout)
        guard result.succeeded, let lscpu = Lscpu.parseJSON(result.stdout) else {
            // What stays unknown says why lscpu did not help either.
            let why = result.failureReason(program: "lscpu") ?? "lscpu -J printed no JSON rigctl can read"
            cpu.explainUnknown(also: why)
            return
        }
        if cpu.vendor.value == nil, let vendor = lscpu.vendor { cpu.vendor = .value(vendor) }
        if cpu.model.value == nil, let model = lscpu.modelName { cpu.model = .value(model) }
        if cpu.sockets.value == nil, let sockets = lscpu.sockets { cpu.sockets = .value(sockets) }
        if cpu.cores.value == nil, let cores = lscpu.cores { cpu.cores = .value(cores) }
        if cpu.threads.value == nil, let threads = lscpu.cpus { cpu.threads = .value(threads) }
        if cpu.maxFrequencyMHz.value == nil, let mhz = lscpu.maxMHz { cpu.maxFrequencyMHz = .value(mhz) }
        if cpu.virtualization.value == nil, let architecture = lscpu.architecture, !["x86_64", "i686"].contains(architecture) {
            cpu.virtualization = .unknown("vmx/svm flags exist only on x86 (this is \(architecture))")
        } else if cpu.virtualization.value == nil, !lscpu.flags.isEmpty {
            cpu.virtualization = .value(lscpu.flags.contains("vmx") ? "vmx" : lscpu.flags.contains("svm") ? "svm" : "none")
        }
    }

    private func unknownCPU(_ reason: String) -> CPUFacts {
        var cpu = CPUFacts()
        cpu.vendor = .unknown(reason)
        cpu.model = .unknown(reason)
        cpu.sockets = .unknown(reason)
        cpu.cores = .unknown(reason)
        cpu.threads = .unknown(reason)
        cpu.maxFrequencyMHz = .unknown(reason)
        cpu.virtualization = .unknown(reason)
        return cpu
    }
}

extension CPUFacts {
    /// Adds `why` to the reason of every unknown fact.
    mutating func explainUnknown(also why: String) {
        func add<T>(_ fact: inout Fact<T>) { if let reason = fact.reason { fact = .unknown("\(reason); \(why)") } }
        add(&vendor); add(&model); add(&sockets); add(&cores); add(&threads); add(&virtualization)
    }

    /// Model, vendor, topology or flags unknown: what lscpu can add beyond /proc/cpuinfo.
    var lacksIdentity: Bool {
        [vendor.reason, model.reason, sockets.reason, cores.reason, threads.reason, virtualization.reason].contains { $0 != nil }
    }
}
