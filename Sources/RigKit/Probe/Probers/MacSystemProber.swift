import RigSpec
import RigSystem

/// An Apple Silicon Mac, through the same `System` door as the Linux probers (so it replays on Linux):
/// `sw_vers` (os), `uname -r`/`uname -m` (kernel, architecture), `scutil --get LocalHostName` (hostname),
/// `sysctl -n` for `hw.memsize`, `hw.ncpu`, `hw.perflevel0.physicalcpu`, `hw.perflevel1.physicalcpu` and
/// `machdep.cpu.brand_string` (cpu, memory, chip), and `system_profiler SPHardwareDataType SPDisplaysDataType -json`
/// (the machine, the GPU cores, Metal). A Mac has no /proc, no DIMMs and no CPU clock in sysctl: those
/// facts are unknown with that reason.
package struct MacSystemProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.os, .hostname, .cpu, .memory, .chip] }
    package var runsCommands: Bool { true }
    package var platforms: Set<DistributionProfile.Platform> { [.macOS] }

    static let systemProfilerArgv = ["system_profiler", "SPHardwareDataType", "SPDisplaysDataType", "-json"]
    static func sysctlArgv(_ key: String) -> [String] { ["sysctl", "-n", key] }

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let swVers = system.run(["sw_vers"], timeout: timeout)
        async let kernel = system.run(["uname", "-r"], timeout: timeout)
        async let machine = system.run(["uname", "-m"], timeout: timeout)
        async let hostname = system.run(["scutil", "--get", "LocalHostName"], timeout: timeout)
        async let profiler = system.run(Self.systemProfilerArgv, timeout: timeout)
        async let memsize = sysctl("hw.memsize", system, timeout)
        async let ncpu = sysctl("hw.ncpu", system, timeout)
        async let performance = sysctl("hw.perflevel0.physicalcpu", system, timeout)
        async let efficiency = sysctl("hw.perflevel1.physicalcpu", system, timeout)
        async let brand = sysctl("machdep.cpu.brand_string", system, timeout)

        var os = OSFacts()
        let versions = await swVers
        if let reason = versions.failureReason(program: "sw_vers") {
            os.id = .unknown(reason); os.version = .unknown(reason); os.prettyName = .unknown(reason)
        } else {
            let parsed = SwVers.parse(versions.output)
            os.id = Fact(parsed.productName.map { $0.lowercased() }, else: "sw_vers printed no ProductName")
            os.version = Fact(parsed.productVersion, else: "sw_vers printed no ProductVersion")
            os.prettyName = Fact(parsed.productName.map { name in
                [name, parsed.productVersion, parsed.buildVersion.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            }, else: "sw_vers printed no ProductName")
        }
        os.kernel = Self.line(await kernel, program: "uname")
        os.architecture = Self.line(await machine, program: "uname")

        let host = Self.line(await hostname, program: "scutil")
        let brandName = await brand
        let threads = await ncpu.flatMap { Int($0) }
        let memory = await memsize.flatMap { UInt64($0) }
        let performanceCores = await performance.flatMap { Int($0) }
        let efficiencyCores = await efficiency.flatMap { Int($0) }

        var cpu = CPUFacts()
        cpu.vendor = brandName.value.map { $0.hasPrefix("Apple") ? .value("Apple") : .unknown("the CPU is not Apple's: \($0)") }
            ?? .unknown(brandName.reason ?? "sysctl said nothing")
        cpu.model = brandName
        cpu.sockets = .value(1)
        // Apple Silicon has no SMT: every core is one hardware thread, so hw.ncpu counts both.
        cpu.cores = threads
        cpu.threads = threads
        cpu.maxFrequencyMHz = .unknown("macOS does not report Apple Silicon clock speeds through sysctl")
        cpu.virtualization = .unknown("vmx/svm flags exist only on x86 (this is an Apple Silicon Mac)")

        var memoryFacts = MemoryFacts()
        memoryFacts.totalBytes = memory
        memoryFacts.dimms = .unknown("unified memory is in the chip's package: a Mac has no memory modules")
        memoryFacts.slots = .unknown("unified memory is in the chip's package: a Mac has no memory slots")

        var chip = ChipFacts()
        chip.model = brandName
        chip.performanceCores = performanceCores
        chip.efficiencyCores = efficiencyCores
        let profiled = await profiler
        if let reason = profiled.failureReason(program: "system_profiler") {
            chip.machine = .unknown(reason); chip.gpuCores = .unknown(reason); chip.metal = .unknown(reason)
        } else if let parsed = SystemProfiler.parse(profiled.output) {
            let hardware = parsed.hardware.first
            chip.machine = Fact(hardware.flatMap { h in h.machineName.map { name in h.machineModel.map { "\(name) (\($0))" } ?? name } },
                                else: "system_profiler names no machine")
            let gpu = parsed.appleGPU(chip: hardware?.chipType ?? brandName.value)
            chip.gpuCores = Fact(gpu?.coreCount, else: gpu == nil ? "system_profiler lists no Apple GPU" : "system_profiler gives no GPU core count")
            chip.metal = Fact(gpu?.metal, else: gpu == nil ? "system_profiler lists no Apple GPU" : "system_profiler names no Metal family")
            if chip.performanceCores.value == nil, let kinds = hardware?.coreKinds { chip.performanceCores = .value(kinds.performance) }
            if chip.efficiencyCores.value == nil, let kinds = hardware?.coreKinds { chip.efficiencyCores = .value(kinds.efficiency) }
        } else {
            let reason = "system_profiler printed no JSON rigctl can read"
            chip.machine = .unknown(reason); chip.gpuCores = .unknown(reason); chip.metal = .unknown(reason)
        }

        let result = (os, host, cpu, memoryFacts, chip)
        return FactsUpdate { facts in
            if facts.os != nil { facts.os = result.0 }
            if facts.hostname != nil { facts.hostname = result.1 }
            if facts.cpu != nil { facts.cpu = result.2 }
            if facts.memory != nil { facts.memory = result.3 }
            if facts.chip != nil { facts.chip = result.4 }
        }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            let unknown = Fact<String>.unknown(reason)
            if facts.os != nil {
                facts.os = OSFacts(); facts.os?.id = unknown; facts.os?.version = unknown; facts.os?.prettyName = unknown
                facts.os?.kernel = unknown; facts.os?.architecture = unknown
            }
            if facts.hostname != nil { facts.hostname = unknown }
            if facts.cpu != nil {
                facts.cpu?.vendor = unknown; facts.cpu?.model = unknown; facts.cpu?.sockets = .unknown(reason)
                facts.cpu?.cores = .unknown(reason); facts.cpu?.threads = .unknown(reason)
                facts.cpu?.maxFrequencyMHz = .unknown(reason); facts.cpu?.virtualization = unknown
            }
            if facts.memory != nil {
                facts.memory?.totalBytes = .unknown(reason); facts.memory?.dimms = .unknown(reason); facts.memory?.slots = .unknown(reason)
            }
            if facts.chip != nil {
                facts.chip?.model = unknown; facts.chip?.machine = unknown; facts.chip?.performanceCores = .unknown(reason)
                facts.chip?.efficiencyCores = .unknown(reason); facts.chip?.gpuCores = .unknown(reason); facts.chip?.metal = unknown
            }
        }
    }

    /// One sysctl value, trimmed; unknown with the reason when sysctl fails or prints nothing.
    private func sysctl(_ key: String, _ system: any System, _ timeout: Duration) async -> Fact<String> {
        let result = await system.run(Self.sysctlArgv(key), timeout: timeout)
        if let reason = result.failureReason(program: "sysctl") { return .unknown("\(key): \(reason)") }
        return Fact(result.output.trimmed.nonEmpty, else: "sysctl -n \(key) printed nothing")
    }

    private static func line(_ result: CommandResult, program: String) -> Fact<String> {
        if let reason = result.failureReason(program: program) { return .unknown(reason) }
        return Fact(result.output.trimmed.nonEmpty, else: "\(program) printed nothing")
    }
}

extension Fact where Value == String {
    /// The text as a number of type `T`, unknown when it is not one.
    func flatMap<T: Sendable & Codable & Equatable>(_ convert: (String) -> T?) -> Fact<T> {
        switch self {
        case .unknown(let reason): return .unknown(reason)
        case .value(let text): return convert(text).map(Fact<T>.value) ?? .unknown("not a number: \(UntrustedText.escaped(text, limit: 40))")
        }
    }
}
