import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// The readable `rigctl probe` output: one block per group, one line per fact, unknowns with
/// their reason. Groups that were not asked for are left out.
package enum FactsSummary {
    package static func render(_ facts: Facts) -> String {
        var out: [String] = []
        func section(_ title: String, _ rows: [(String, String)]) {
            out.append(title)
            let width = rows.map(\.0.count).max() ?? 0
            for (label, value) in rows {
                out.append("  " + label + String(repeating: " ", count: width - label.count) + "  " + UntrustedText.escaped(value, limit: 2000))
            }
        }
        if let os = facts.os {
            section("os", [("distro", text(os.id)), ("version", text(os.version)), ("name", text(os.prettyName)),
                           ("kernel", text(os.kernel)), ("architecture", text(os.architecture))])
        }
        if let hostname = facts.hostname { section("hostname", [("name", text(hostname))]) }
        if let chip = facts.chip {
            section("chip", [("model", text(chip.model)), ("machine", text(chip.machine)),
                             ("performance cores", text(chip.performanceCores)), ("efficiency cores", text(chip.efficiencyCores)),
                             ("gpu cores", text(chip.gpuCores)), ("metal", text(chip.metal))])
        }
        if let cpu = facts.cpu {
            section("cpu", [("model", text(cpu.model)), ("vendor", text(cpu.vendor)), ("sockets", text(cpu.sockets)),
                            ("cores", text(cpu.cores)), ("threads", text(cpu.threads)),
                            ("max frequency", text(cpu.maxFrequencyMHz.map { "\(number($0)) MHz" })),
                            ("virtualization", text(cpu.virtualization))])
        }
        if let memory = facts.memory {
            let dimms = memory.dimms.map { list in
                list.isEmpty ? "none installed" : grouped(list.map(dimm)).joined(separator: "; ")
            }
            section("memory", [("total", text(memory.totalBytes.map(size))), ("slots", text(memory.slots)), ("modules", text(dimms))])
        }
        if let gpus = facts.gpus {
            switch gpus {
            case .unknown(let reason): section("gpus", [("gpus", "unknown (\(reason))")])
            case .value(let list) where list.isEmpty: section("gpus", [("gpus", "none")])
            case .value(let list):
                for gpu in list {
                    let link = gpu.pcieLink.map { [("pcie link", text($0.map(Self.link)))] } ?? []
                    let target = gpu.gfxTarget.map { [("gfx target", text($0))] } ?? []
                    section("gpu \(gpu.busID)", [
                        ("model", text(gpu.model)), ("vendor", gpu.vendor), ("device id", text(gpu.deviceID)),
                        ("vram", text(gpu.vramBytes.map(size))), ("compute capability", text(gpu.computeCapability)),
                        ("power limit", text(gpu.powerLimitWatts.map { "\(number($0)) W" })),
                        ("default power limit", text(gpu.defaultPowerLimitWatts.map { "\(number($0)) W" })),
                        ("persistence mode", text(gpu.persistenceMode.map(onOff))), ("bar1", text(gpu.bar1Bytes.map(size))),
                        ("mig", text(gpu.migEnabled.map(onOff))),
                    ] + target + link)
                }
            }
        }
        if let driver = facts.nvidiaDriver {
            section("nvidia driver", [("version", text(driver.version)), ("flavor", text(driver.flavor))])
        }
        if let cuda = facts.cuda {
            let toolkits = cuda.toolkits.map { list in
                list.isEmpty ? "none in /usr/local" : list.map { "\($0.version) (\($0.path))" }.joined(separator: ", ")
            }
            section("cuda", [("toolkits", text(toolkits)), ("nvcc", text(cuda.nvcc)), ("driver supports", text(cuda.driverSupports))])
        }
        if let storage = facts.storage {
            switch storage {
            case .unknown(let reason): section("storage", [("disks", "unknown (\(reason))")])
            case .value(let disks):
                section("storage", disks.isEmpty ? [("disks", "none")] : disks.map { disk in
                    let kind = disk.rotational.map { $0 ? "HDD" : "SSD" }
                    let details = [disk.model, size(disk.sizeBytes), disk.transport, kind].compactMap { $0 }
                    return (disk.name, details.joined(separator: ", "))
                })
            }
        }
        if let board = facts.board {
            section("board", [("vendor", text(board.vendor)), ("name", text(board.name)), ("bios vendor", text(board.biosVendor)),
                              ("bios version", text(board.biosVersion)), ("bios date", text(board.biosDate))])
        }
        if let firmware = facts.firmware {
            section("firmware", [("boot mode", text(firmware.bootMode)), ("secure boot", text(firmware.secureBoot.map(onOff))),
                                 ("iommu", text(firmware.iommu.map(onOff)))])
        }
        if let packages = facts.packages {
            let casks = facts.casks.map { [("casks", text($0.map { "\($0.count) casks" }))] } ?? []
            section("packages", [("installed", text(packages.map { "\($0.count) packages" }))] + casks)
        }
        if let python = facts.python {
            section("python \(python.path)", [
                ("interpreter", text(python.interpreter)), ("torch", text(python.torch)), ("torch cuda", text(python.torchCUDA)),
                ("cuda available", text(python.cudaAvailable.map { $0 ? "yes" : "no" })), ("gpus visible", text(python.gpusVisible)),
            ])
        }
        if let containers = facts.containers {
            func joined(_ list: [String]) -> String { list.isEmpty ? "none" : list.joined(separator: ", ") }
            section("containers", [
                ("docker server", text(containers.dockerServer)), ("runtimes", text(containers.runtimes.map(joined))),
                ("default runtime", text(containers.defaultRuntime)), ("nvidia-ctk", text(containers.nvidiaCTK)),
                ("docker group", text(containers.dockerGroup.map(joined))),
            ])
        }
        if let rocm = facts.rocm {
            section("rocm", [("release", text(rocm.release)), ("amdgpu module", text(rocm.amdgpuModule))])
        }
        if let health = facts.driverHealth {
            func joined(_ list: [String]) -> String { list.isEmpty ? "none" : list.joined(separator: ", ") }
            let dkms = health.dkms.map { list in
                list.isEmpty ? "no NVIDIA module" : list.map { "\($0.module) \($0.version) \($0.kernel ?? "(no kernel)"): \($0.state)" }.joined(separator: "; ")
            }
            section("driver health", [
                ("user-space driver", text(health.userSpaceVersion)), ("nvml", text(health.nvml)),
                ("running kernel", text(health.runningKernel)), ("installed kernels", text(health.installedKernels.map(joined))),
                ("dkms", text(dkms)), ("nouveau loaded", text(health.nouveauLoaded.map(onOff))),
                ("nouveau blacklist", text(health.nouveauBlacklist)), ("secure boot", text(health.secureBoot.map(onOff))),
                ("module signer", text(health.moduleSigner.map { $0.isEmpty ? "unsigned" : $0 })),
                ("held packages", text(health.heldPackages.map(joined))),
                ("unattended upgrades", text(health.unattendedUpgrades.map(onOff))),
                ("upgrade blacklist", text(health.unattendedBlacklist.map(joined))),
                ("/usr/local/cuda", text(health.defaultCUDA)),
            ])
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func text<T>(_ fact: Fact<T>) -> String {
        switch fact {
        case .value(let value): return "\(value)"
        case .unknown(let reason): return "unknown (\(reason))"
        }
    }

    static func dimm(_ dimm: DIMMFacts) -> String {
        var parts = [size(dimm.sizeBytes)]
        if let type = dimm.type { parts.append(type) }
        if let rated = dimm.ratedSpeedMTs { parts.append("\(rated) MT/s") }
        if let configured = dimm.configuredSpeedMTs, configured != dimm.ratedSpeedMTs { parts.append("(runs at \(configured) MT/s)") }
        return parts.joined(separator: " ")
    }

    /// `["a", "a", "b"]` → `["2 × a", "b"]`, in first-seen order.
    static func grouped(_ items: [String]) -> [String] {
        var order: [String] = [], counts: [String: Int] = [:]
        for item in items {
            if counts[item] == nil { order.append(item) }
            counts[item, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\(counts[$0]!) × \($0)" : $0 }
    }

    /// Binary units for memory-like sizes: `24 GiB`, `1.5 TiB`, `512 MiB`.
    package static func size(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return "\(number((value * 10).rounded() / 10)) \(units[unit])"
    }

    package static func number(_ value: Double) -> String {
        value.wholeNumberText ?? String(cFormat: "%g", value)
    }

    static func onOff(_ value: Bool) -> String { value ? "on" : "off" }
}

extension FactsSummary {
    /// `x8 of x16, 2.5 GT/s of 16 GT/s`
    static func link(_ link: PCIeLinkFacts) -> String {
        let rate = { (value: Double?) in value.map { ($0.wholeNumberText ?? String($0)) + " GT/s" } ?? "unknown" }
        return "x\(link.width) of x\(link.maxWidth), \(rate(link.speedGTs)) of \(rate(link.maxSpeedGTs))"
    }
}
