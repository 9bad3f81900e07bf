import RigKit
import RigSpec

/// The example machines of `machines/` (workstation, compute-node, big-rig) built as values,
/// so plan and emitter tests do not depend on the YAML loader.
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

    /// stacks/ml-base.yaml
    static let mlBase = ["build-essential", "git", "tmux", "htop", "nvtop", "python3-venv", "curl", "jq"]
        .map { MachineSpec.AptPackage(name: $0) }

    static let workstation = MachineSpec(
        name: "workstation", file: "machines/workstation.yaml", hostname: "workstation",
        description: "Desktop for experiments", role: .desktop,
        os: .init(distro: .ubuntu, release: "24.04"),
        parts: .init(gpus: [.init(model: "NVIDIA GeForce RTX 5070 Ti", vram: quantity("16 GiB", .size), power: quantity("300 W", .power))],
                     psus: [.init(model: "Corsair RM850x", power: quantity("850 W", .power))]),
        bios: .init(settings: [
            .init(name: "above-4g-decoding", value: "enabled"),
            .init(name: "resizable-bar", value: "enabled"),
            .init(name: "secure-boot", value: "disabled"),
            .init(name: "xmp", value: "profile-1"),
        ]),
        drivers: .init(nvidia: .init(version: constraint(">=570"), flavor: .open), cuda: constraint("12.8")),
        packages: .init(apt: mlBase + [MachineSpec.AptPackage(name: "vim-gtk3")]),
        theme: .init(background: color("#1e1030"), foreground: color("#ece4f7"), accent: color("#b48cf2")))

    static let computeNode = MachineSpec(
        name: "compute-node", file: "machines/compute-node.yaml", hostname: "compute-node",
        description: "Headless node for week-long GPU jobs", role: .headless,
        os: .init(distro: .ubuntu, release: "22.04"),
        ssh: .init(host: "compute-node.local", user: "me"),
        parts: .init(gpus: [.init(model: "NVIDIA GeForce RTX 3090", vram: quantity("24 GiB", .size), power: quantity("350 W", .power))],
                     psus: [.init(model: "Corsair RM1000x", power: quantity("1000 W", .power))]),
        bios: .init(version: "3902", settings: [
            .init(name: "above-4g-decoding", value: "enabled"),
            .init(name: "virtualization", value: "enabled"),
            .init(name: "secure-boot", value: "disabled"),
            .init(name: "xmp", value: "profile-1"),
        ]),
        drivers: .init(nvidia: .init(version: constraint("570"), flavor: .open), cuda: constraint("12.8")),
        gpuSettings: .init(powerLimit: quantity("300 W", .power), persistence: true),
        packages: .init(apt: mlBase),
        theme: .init(background: color("#0b2540"), foreground: color("#e6eef7"), accent: color("#4aa3ff")))

    static let bigRig = MachineSpec(
        name: "big-rig", file: "machines/big-rig.yaml", hostname: "big-rig",
        description: "Five 3090s for long training runs", role: .headless,
        os: .init(distro: .ubuntu, release: "22.04"),
        ssh: .init(host: "big-rig.local", user: "me", port: 2222),
        parts: .init(gpus: [.init(model: "NVIDIA GeForce RTX 3090", count: 5, vram: quantity("24 GiB", .size), power: quantity("350 W", .power))],
                     psus: [.init(model: "Corsair AX1600i", power: quantity("1600 W", .power))]),
        drivers: .init(nvidia: .init(version: constraint("570.124.06"), flavor: .open), cuda: constraint("12.8")),
        gpuSettings: .init(powerLimit: quantity("280 W", .power), persistence: true),
        packages: .init(apt: mlBase + [MachineSpec.AptPackage(name: "nvme-cli", version: "2.9.1-3")]))

    static let all = [workstation, computeNode, bigRig]

    /// Dotfiles like the theme renderer's, to exercise both placements.
    static let dotfiles = [
        RenderedFile(path: ".config/rigctl/theme.bash", contents: "# rigctl theme for workstation\nprintf '\\033]11;#1e1030\\007'\n"),
        RenderedFile(path: ".bashrc", contents: "[ -f ~/.config/rigctl/theme.bash ] && . ~/.config/rigctl/theme.bash\n",
                     placement: .managedBlock(comment: "#")),
    ]
}
