extension MachineSpec {
    /// Builds the model from a value the shape decoder has already validated; every required
    /// key is present, so the fallbacks here are never reached for a valid spec.
    init(name: String, file: String, value: SpecValue, locations: SourceMap) {
        let os = value["os"]
        let distro = os?["distro"]?.string.flatMap(OperatingSystem.Distro.init(rawValue:)) ?? .ubuntu
        let parts = value["parts"]
        let theme = value["theme"]
        self.init(
            name: name,
            file: file,
            version: value["version"]?.integer ?? MachineSpecShape.currentVersion,
            hostname: value["hostname"]?.string ?? name,
            description: value["description"]?.string,
            role: value["role"]?.string.flatMap(Role.init(rawValue:)) ?? .headless,
            os: OperatingSystem(
                distro: distro,
                release: os?["release"]?.string ?? "",
                architecture: os?["arch"]?.string.flatMap(OperatingSystem.Architecture.init(rawValue:))),
            ssh: value["ssh"].map { SSH(host: $0["host"]?.string ?? "", user: $0["user"]?.string, port: $0["port"]?.integer) },
            parts: Parts(
                chip: parts?["chip"].map {
                    Chip(model: $0["model"]?.string ?? "", cpuCores: $0["cpu-cores"]?.integer, gpuCores: $0["gpu-cores"]?.integer)
                },
                cpu: parts?["cpu"].map {
                    CPU(model: $0["model"]?.string ?? "", cores: $0["cores"]?.integer, threads: $0["threads"]?.integer,
                        sockets: $0["sockets"]?.integer, frequency: $0["frequency"]?.quantity, power: $0["power"]?.quantity)
                },
                motherboard: parts?["motherboard"].map {
                    Motherboard(vendor: $0["vendor"]?.string, model: $0["model"]?.string ?? "", pcieSlots: $0["pcie-slots"]?.integer)
                },
                memory: parts?["memory"].flatMap { m in
                    m["size"]?.quantity.map {
                        Memory(size: $0, modules: m["modules"]?.integer, type: m["type"]?.string.flatMap(Memory.Kind.init(rawValue:)),
                               speed: m["speed"]?.quantity, ecc: m["ecc"]?.boolean)
                    }
                },
                gpus: (parts?["gpus"]?.list ?? []).map {
                    GPU(model: $0["model"]?.string ?? "", count: $0["count"]?.integer ?? 1, vram: $0["vram"]?.quantity, power: $0["power"]?.quantity,
                        pcie: $0["pcie"].map { PCIeLink(width: $0["width"]?.integer, speed: $0["speed"]?.quantity) })
                },
                storage: (parts?["storage"]?.list ?? []).compactMap { d in
                    d["size"]?.quantity.map {
                        Disk(model: d["model"]?.string ?? "", size: $0, interface: d["interface"]?.string.flatMap(Disk.Interface.init(rawValue:)),
                             count: d["count"]?.integer ?? 1)
                    }
                },
                psus: (parts?["psu"]?.list ?? []).compactMap { p in
                    p["power"]?.quantity.map { PSU(model: p["model"]?.string ?? "", power: $0) }
                },
                chassis: parts?["case"]?.string,
                cooling: parts?["cooling"]?.string,
                notes: parts?["notes"]?.string),
            bios: value["bios"].map { b in
                BIOS(version: b["version"]?.string,
                     settings: (b["settings"]?.pairs ?? []).map { BIOS.Setting(name: $0.key, value: $0.value.string ?? "") })
            },
            drivers: value["drivers"].map { d in
                Drivers(
                    nvidia: d["nvidia"].flatMap { n in
                        n["version"]?.version.map {
                            Drivers.NVIDIA(version: $0, flavor: n["flavor"]?.string.flatMap(Drivers.NVIDIA.Flavor.init(rawValue:)) ?? .open)
                        }
                    },
                    cuda: d["cuda"]?.version,
                    rocm: d["rocm"]?.version)
            },
            gpuSettings: value["gpu-settings"].map { GPUSettings(powerLimit: $0["power-limit"]?.quantity, persistence: $0["persistence"]?.boolean) },
            packages: Packages(apt: (value["packages"]?["apt"]?.list ?? []).compactMap { $0.string.flatMap(AptPackage.init) },
                               brew: (value["packages"]?["brew"]?.list ?? []).compactMap(\.string),
                               casks: (value["packages"]?["casks"]?.list ?? []).compactMap(\.string)),
            python: value["python"].map { p in
                Python(version: p["version"]?.string ?? "", path: p["path"]?.string ?? Python.defaultPath(for: distro),
                       torch: p["torch"].flatMap { t in
                           t["version"]?.version.map { Python.Torch(version: $0, cuda: t["cuda"]?.string.flatMap { $0 == "cpu" ? nil : Version($0) }) }
                       },
                       packages: (p["packages"]?.list ?? []).compactMap(\.string))
            },
            containers: value["containers"].map { c in
                Containers(engine: c["engine"]?.string.flatMap(Containers.Engine.init(rawValue:)) ?? .docker,
                           nvidiaToolkit: c["nvidia-toolkit"]?.boolean ?? false,
                           dockerUsers: (c["docker-users"]?.list ?? []).compactMap(\.string))
            },
            theme: theme.flatMap { t in
                guard let background = t["background"]?.color, let foreground = t["foreground"]?.color, let accent = t["accent"]?.color else { return nil }
                return Theme(background: background, foreground: foreground, accent: accent, cursor: t["cursor"]?.color,
                             vim: Dictionary(uniqueKeysWithValues: (t["vim"]?.pairs ?? []).compactMap { p in p.value.color.map { (p.key, $0) } }),
                             vscode: Dictionary(uniqueKeysWithValues: (t["vscode"]?.pairs ?? []).compactMap { p in p.value.color.map { (p.key, $0) } }),
                             shells: t["shells"].map { $0.list.compactMap { $0.string.flatMap(Theme.Shell.init(rawValue:)) } } ?? [.bash])
            },
            workloads: (value["workloads"]?.list ?? []).map(Workload.init(value:)),
            locations: locations)
    }
}

extension MachineSpec.Workload {
    /// The keys of a custom model's numbers.
    private static let numbers = ["parameters", "layers", "hidden", "heads", "kv-heads", "head-dim", "intermediate", "vocab", "experts", "experts-per-token"]

    init(value w: SpecValue) {
        let custom = Self.numbers.contains { w[$0] != nil }
            ? MachineSpec.CustomModel(parameters: w["parameters"]?.string.flatMap(MachineSpec.CustomModel.parseCount),
                                      layers: w["layers"]?.integer, hidden: w["hidden"]?.integer, heads: w["heads"]?.integer,
                                      kvHeads: w["kv-heads"]?.integer, headDim: w["head-dim"]?.integer,
                                      intermediate: w["intermediate"]?.integer, vocab: w["vocab"]?.integer,
                                      experts: w["experts"]?.integer, expertsPerToken: w["experts-per-token"]?.integer)
            : nil
        self.init(name: w["name"]?.string ?? "", model: w["model"]?.string, custom: custom,
                  mode: w["mode"]?.string.flatMap(Mode.init(rawValue:)) ?? .inference,
                  precision: w["precision"]?.string.flatMap(Precision.init(rawValue:)) ?? .bf16,
                  context: w["context"]?.integer, batch: w["batch"]?.integer,
                  optimizer: w["optimizer"]?.string.flatMap(Optimizer.init(rawValue:)),
                  loraRank: w["lora-rank"]?.integer, gradientCheckpointing: w["gradient-checkpointing"]?.boolean)
    }
}

extension MachineSpec.CustomModel {
    /// `350M` → 350,000,000; `7.6B` → 7,600,000,000 (SpecPatterns.parameterCount has checked the text).
    package static func parseCount(_ text: String) -> Double? {
        guard let unit = text.last, let number = Double(text.dropLast()) else { return nil }
        let factor: Double
        switch unit {
        case "K": factor = 1e3
        case "M": factor = 1e6
        case "B": factor = 1e9
        case "T": factor = 1e12
        default: return nil
        }
        return number * factor
    }
}
