import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigKit
import RigSpec

/// The example machines of `machines/` (workstation, compute-node, big-rig) built as values, so plan
/// and emitter tests do not depend on the YAML loader; `PlanExamplesTests` checks they still mirror the files.
enum PlanExamples {
    static func quantity(_ text: String, _ dimension: Dimension) -> Quantity {
        switch Quantity.parse(text, as: dimension) {
        case .success(let quantity): return quantity
        case .failure(let error): fatalError("bad test quantity \(text): \(error)")
        }
    }

    static func constraint(_ text: String) -> VersionConstraint {
        guard let constraint = VersionConstraint(text) else { fatalError("bad test constraint \(text)") }
        return constraint
    }

    static func color(_ hex: String) -> Color {
        guard let color = Color(hex: hex) else { fatalError("bad test colour \(hex)") }
        return color
    }

    /// machines/stacks/ml-base.yaml (its `gpu-settings: { persistence: true }` reaches every machine).
    static let mlBase = ["build-essential", "git", "tmux", "htop", "nvtop", "python3-venv", "curl", "jq"]
        .map { MachineSpec.AptPackage(name: $0) }
    /// ml-base's `python:` section.
    static let mlBasePython = MachineSpec.Python(version: "3.12", path: "/opt/ml/venv",
                                                 torch: .init(version: constraint("2.7"), cuda: Version("12.8")),
                                                 packages: ["numpy", "accelerate>=1.0"])

    static func gb(_ text: String) -> Quantity { quantity(text, .size) }
    static func watts(_ text: String) -> Quantity { quantity(text, .power) }

    static let workstation = MachineSpec(
        name: "workstation", file: "machines/workstation.yaml", hostname: "workstation",
        description: "The daily desktop at the desk, with the monitor plugged into the 5070 Ti.", role: .desktop,
        os: .init(distro: .ubuntu, release: "24.04"),
        parts: .init(
            cpu: .init(model: "AMD Ryzen 7 7800X3D 8-Core Processor", cores: 8, threads: 16, power: watts("120 W")),
            motherboard: .init(vendor: "ASUSTeK COMPUTER INC.", model: "ROG CROSSHAIR X670E HERO", pcieSlots: 2),
            memory: .init(size: gb("64 GiB"), modules: 2, type: .ddr5, speed: quantity("6000 MT/s", .frequency)),
            gpus: [.init(model: "NVIDIA GeForce RTX 5070 Ti", vram: gb("16 GiB"), power: watts("300 W"))],
            storage: [.init(model: "Samsung SSD 990 EVO Plus 2TB", size: gb("2 TB"), interface: .nvme)],
            psus: [.init(model: "Corsair RM850x", power: watts("850 W"))],
            chassis: "Fractal Design North", cooling: "Noctua NH-D15"),
        bios: .init(version: "3003", settings: [
            .init(name: "above-4g-decoding", value: "enabled"),
            .init(name: "resizable-bar", value: "enabled"),
            .init(name: "secure-boot", value: "disabled"),
            .init(name: "virtualization", value: "enabled"),
            .init(name: "xmp", value: "profile-1"),
        ]),
        drivers: .init(nvidia: .init(version: constraint(">=570"), flavor: .open), cuda: constraint("12.8")),
        gpuSettings: .init(persistence: true),
        packages: .init(apt: mlBase + [.init(name: "vim"), .init(name: "fonts-firacode")]),
        python: mlBasePython,
        theme: .init(background: color("#2c001e"), foreground: color("#f2e6ee"), accent: color("#c678dd"), cursor: color("#e95420")),
        workloads: [.init(name: "local-chat", model: "qwen2.5-7b", mode: .inference, precision: .int8, context: 32768)])

    static let computeNode = MachineSpec(
        name: "compute-node", file: "machines/compute-node.yaml", hostname: "compute-node",
        description: "Headless node built from the retired desktop; runs week-long training jobs.", role: .headless,
        os: .init(distro: .ubuntu, release: "22.04"),
        ssh: .init(host: "compute-node.local", user: "me"),
        parts: .init(
            cpu: .init(model: "Intel(R) Core(TM) i7-5820K CPU @ 3.30GHz", cores: 6, threads: 12, power: watts("140 W")),
            motherboard: .init(vendor: "ASUSTeK COMPUTER INC.", model: "X99-A", pcieSlots: 3),
            memory: .init(size: gb("32 GiB"), modules: 4, type: .ddr4, speed: quantity("2133 MT/s", .frequency)),
            gpus: [.init(model: "NVIDIA GeForce RTX 3090", vram: gb("24 GiB"), power: watts("350 W"))],
            storage: [.init(model: "Samsung SSD 970 EVO Plus 1TB", size: gb("1 TB"), interface: .nvme)],
            psus: [.init(model: "Corsair RM1000x", power: watts("1000 W"))]),
        bios: .init(version: "3902", settings: [
            .init(name: "above-4g-decoding", value: "enabled"),
            .init(name: "virtualization", value: "enabled"),
            .init(name: "secure-boot", value: "disabled"),
            .init(name: "xmp", value: "profile-1"),
        ]),
        drivers: .init(nvidia: .init(version: constraint("570"), flavor: .open), cuda: constraint("12.8")),
        gpuSettings: .init(powerLimit: watts("300 W"), persistence: true),
        packages: .init(apt: mlBase),
        python: mlBasePython,
        theme: .init(background: color("#0b2540"), foreground: color("#e6eef7"), accent: color("#4aa3ff"), cursor: color("#4aa3ff")),
        workloads: [
            .init(name: "weekly-finetune", model: "llama-3.1-8b", mode: .finetuneLoRA, precision: .nf4, context: 8192),
            .init(name: "chat", model: "llama-3.1-8b", mode: .inference, precision: .bf16, context: 8192),
        ])

    static let bigRig = MachineSpec(
        name: "big-rig", file: "machines/big-rig.yaml", hostname: "big-rig",
        description: "Home-built five-GPU box on an open frame; two PSUs share the load.", role: .headless,
        os: .init(distro: .ubuntu, release: "22.04"),
        ssh: .init(host: "big-rig.local", user: "me"),
        parts: .init(
            cpu: .init(model: "AMD EPYC 7443P 24-Core Processor", cores: 24, threads: 48, power: watts("200 W")),
            motherboard: .init(vendor: "ASRockRack", model: "ROMED8-2T", pcieSlots: 7),
            memory: .init(size: gb("512 GiB"), modules: 8, type: .ddr4, speed: quantity("3200 MT/s", .frequency), ecc: true),
            gpus: [.init(model: "NVIDIA GeForce RTX 3090", count: 5, vram: gb("24 GiB"), power: watts("350 W"),
                          pcie: .init(width: 16, speed: quantity("16 GT/s", .frequency)))],
            storage: [.init(model: "Samsung SSD 990 PRO 4TB", size: gb("4 TB"), interface: .nvme),
                      .init(model: "ST12000NM001G-2MV103", size: gb("12 TB"), interface: .sata)],
            psus: [.init(model: "Corsair AX1600i", power: watts("1600 W")), .init(model: "Corsair AX1600i", power: watts("1600 W"))],
            chassis: "open-air mining frame",
            notes: "GPUs on PCIe 4.0 x16 risers; the second PSU is started by an add2psu board."),
        bios: .init(settings: [
            .init(name: "above-4g-decoding", value: "enabled"),
            .init(name: "virtualization", value: "enabled"),
            .init(name: "iommu", value: "enabled"),
            .init(name: "secure-boot", value: "disabled"),
        ]),
        drivers: .init(nvidia: .init(version: constraint("570"), flavor: .open), cuda: constraint("12.8")),
        gpuSettings: .init(powerLimit: watts("280 W"), persistence: true),
        packages: .init(apt: mlBase),
        python: mlBasePython,
        theme: .init(background: color("#0f2a1d"), foreground: color("#e3f2e8"), accent: color("#3ddc84")),
        workloads: [
            .init(name: "chat", model: "qwen2.5-72b", mode: .inference, precision: .int4, context: 32768),
            .init(name: "weekly-finetune", model: "llama-3.1-8b", mode: .finetuneLoRA, precision: .bf16, context: 8192, batch: 2),
            .init(name: "custom-slm", custom: .init(parameters: 350e6, layers: 24, hidden: 1024), mode: .train, precision: .bf16,
                  context: 2048, batch: 16, optimizer: .adamw),
        ])

    static let all = [workstation, computeNode, bigRig]

    /// A variant of big-rig with exact pins: driver 570.124.06 held, and a pinned package.
    static var bigRigPinned: MachineSpec {
        var spec = bigRig
        spec.drivers?.nvidia = .init(version: constraint("570.124.06"), flavor: .open)
        spec.packages.apt.append(.init(name: "nvme-cli", version: "2.9.1-3"))
        return spec
    }

    /// The workstation's theme files, as `ThemeRenderer` makes them: whole files, blocks and a settings merge.
    static let dotfiles: [RenderedFile] = {
        do {
            return try ThemeRenderer.render(workstation)
        } catch {
            fatalError("the workstation theme does not render: \(error)")
        }
    }()

    /// The file of `dotfiles` at `path`.
    static func dotfile(_ path: String) -> RenderedFile {
        guard let file = dotfiles.first(where: { $0.path == path }) else { fatalError("no theme file \(path)") }
        return file
    }
}

extension PlanExamples {
    /// A desktop with a Radeon RX 7900 XTX on ROCm 6.2.4 (Ubuntu 24.04): the AMD variant the plan tests cover.
    static var rocmDesktop: MachineSpec {
        var spec = workstation
        spec.name = "rocm-desktop"
        spec.file = "machines/rocm-desktop.yaml"
        spec.hostname = "rocm-desktop"
        spec.parts.gpus = [.init(model: "AMD Radeon RX 7900 XTX", vram: gb("24 GiB"))]
        spec.drivers = .init(rocm: constraint("6.2.4"))
        spec.gpuSettings = nil
        spec.python = nil
        spec.workloads = []
        return spec
    }

    /// A headless Instinct MI210 node on ROCm 6.1 (Ubuntu 22.04), reached over SSH.
    static var rocmNode: MachineSpec {
        var spec = computeNode
        spec.name = "rocm-node"
        spec.file = "machines/rocm-node.yaml"
        spec.hostname = "rocm-node"
        spec.ssh = .init(host: "rocm-node.local", user: "me")
        spec.parts.gpus = [.init(model: "AMD Instinct MI210", count: 2)]
        spec.drivers = .init(rocm: constraint("6.1"))
        spec.gpuSettings = nil
        spec.python = nil
        spec.workloads = []
        return spec
    }
}
