import RigSpec

/// The example machines from issue 5, built directly (the YAML loader lands separately),
/// plus the failing variants the issue names. Shared by the compatibility rule tests.
enum ExampleMachines {
    static func gib(_ value: Double) -> Quantity { Quantity(dimension: .size, value: value * 1_073_741_824, text: "\(Int(value)) GiB") }
    static func gb(_ value: Double) -> Quantity { Quantity(dimension: .size, value: value * 1e9, text: "\(Int(value)) GB") }
    static func watts(_ value: Double) -> Quantity { Quantity.watts(value) }
    static func version(_ text: String) -> VersionConstraint {
        guard let constraint = VersionConstraint(text) else { preconditionFailure("bad test constraint \(text)") }
        return constraint
    }

    /// Desktop: Ubuntu 24.04, RTX 5070 Ti, driver >=570 open, CUDA 12.8, 850 W. Must pass.
    static var workstation: MachineSpec {
        MachineSpec(
            name: "workstation", file: "machines/workstation.yaml", hostname: "workstation", role: .desktop,
            os: .init(distro: .ubuntu, release: "24.04"),
            parts: .init(cpu: .init(model: "AMD Ryzen 7 7800X3D", power: watts(125)),
                         gpus: [.init(model: "NVIDIA GeForce RTX 5070 Ti", vram: gib(16), power: watts(300))],
                         storage: [.init(model: "Samsung SSD 990 EVO Plus 1TB", size: Quantity(dimension: .size, value: 1e12, text: "1 TB"))],
                         psus: [.init(model: "Corsair RM850x", power: watts(850))]),
            drivers: .init(nvidia: .init(version: version(">=570"), flavor: .open), cuda: version("12.8")))
    }

    /// Headless node: Ubuntu 22.04, i7-5820K, RTX 3090, driver 570 open, CUDA 12.8, 1000 W. Must pass.
    static var computeNode: MachineSpec {
        MachineSpec(
            name: "compute-node", file: "machines/compute-node.yaml", hostname: "compute-node",
            os: .init(distro: .ubuntu, release: "22.04"),
            parts: .init(cpu: .init(model: "Intel Core i7-5820K", cores: 6, threads: 12, power: watts(140)),
                         gpus: [.init(model: "NVIDIA GeForce RTX 3090", vram: gib(24), power: watts(350))],
                         storage: [.init(model: "Samsung SSD 970 EVO Plus 1TB", size: Quantity(dimension: .size, value: 1e12, text: "1 TB"))],
                         psus: [.init(model: "Corsair RM1000x", power: watts(1000))]),
            drivers: .init(nvidia: .init(version: version("570"), flavor: .open), cuda: version("12.8")))
    }

    /// 5 × RTX 3090 limited to 280 W, Threadripper 280 W, 2 × 1600 W, Ubuntu 22.04, driver 570, CUDA 12.8. Must pass.
    static var bigRig: MachineSpec {
        MachineSpec(
            name: "big-rig", file: "machines/big-rig.yaml", hostname: "big-rig",
            os: .init(distro: .ubuntu, release: "22.04"),
            parts: .init(cpu: .init(model: "AMD Ryzen Threadripper PRO 5975WX", power: watts(280)),
                         gpus: [.init(model: "NVIDIA GeForce RTX 3090", count: 5, vram: gib(24), power: watts(350))],
                         storage: [.init(model: "Samsung SSD 990 PRO 2TB", size: Quantity(dimension: .size, value: 2e12, text: "2 TB"), count: 2)],
                         psus: [.init(model: "Corsair AX1600i", power: watts(1600)), .init(model: "Corsair AX1600i", power: watts(1600))]),
            drivers: .init(nvidia: .init(version: version("570"), flavor: .open), cuda: version("12.8")),
            gpuSettings: .init(powerLimit: watts(280), persistence: true))
    }

    /// big-rig with only one of its two 1600 W supplies. Must fail the power budget.
    static var bigRigOnePSU: MachineSpec {
        var spec = bigRig
        spec.parts.psus.removeLast()
        return spec
    }

    /// The failing example: a Blackwell card with CUDA 12.4.
    static var blackwellOnCUDA124: MachineSpec {
        var spec = workstation
        spec.drivers?.cuda = version("12.4")
        return spec
    }

    /// The failing example: five 3090s at full board power on one 1600 W supply.
    static var fiveRTX3090OnOnePSU: MachineSpec {
        var spec = bigRigOnePSU
        spec.gpuSettings = nil
        return spec
    }

    static var passing: [MachineSpec] { [workstation, computeNode, bigRig] }
}
