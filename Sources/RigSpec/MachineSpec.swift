/// One machine as its YAML file describes it, after includes are merged and every value validated.
package struct MachineSpec: Sendable, Equatable {
    /// The machine's name: its file name without `.yaml`.
    package var name: String
    /// The machine file this spec was loaded from.
    package var file: String
    package var version: Int
    package var hostname: String
    package var description: String?
    package var role: Role
    package var os: OperatingSystem
    package var ssh: SSH?
    package var parts: Parts
    package var bios: BIOS?
    package var drivers: Drivers?
    package var gpuSettings: GPUSettings?
    package var packages: Packages
    package var python: Python?
    package var containers: Containers?
    package var theme: Theme?
    /// The jobs the machine is for (`workloads:`), in file order.
    package var workloads: [Workload]
    /// Where each key path (`drivers.nvidia.version`, `parts.gpus[0].model`) was written.
    package var locations: SourceMap

    package init(name: String, file: String, version: Int = 1, hostname: String, description: String? = nil,
                role: Role = .headless, os: OperatingSystem, ssh: SSH? = nil, parts: Parts = Parts(),
                bios: BIOS? = nil, drivers: Drivers? = nil, gpuSettings: GPUSettings? = nil,
                packages: Packages = Packages(), python: Python? = nil, containers: Containers? = nil, theme: Theme? = nil, workloads: [Workload] = [], locations: SourceMap = SourceMap()) {
        self.name = name
        self.file = file
        self.version = version
        self.hostname = hostname
        self.description = description
        self.role = role
        self.os = os
        self.ssh = ssh
        self.parts = parts
        self.bios = bios
        self.drivers = drivers
        self.gpuSettings = gpuSettings
        self.packages = packages
        self.python = python
        self.containers = containers
        self.theme = theme
        self.workloads = workloads
        self.locations = locations
    }

    /// Desktops get their VS Code colours in the user settings; headless nodes in the remote machine settings.
    package enum Role: String, Sendable, CaseIterable { case desktop, headless }

    package struct OperatingSystem: Sendable, Equatable {
        package enum Distro: String, Sendable, CaseIterable { case ubuntu, debian, pop, macos }
        /// The CPU architecture as Debian names it (`dpkg --print-architecture`).
        package enum Architecture: String, Sendable, CaseIterable {
            case amd64, arm64
            /// `uname -m` on this architecture, as the probe records it (`os.architecture`).
            package var kernelName: String {
                switch self {
                case .amd64: "x86_64"
                case .arm64: "aarch64"
                }
            }
        }
        package var distro: Distro
        package var release: String
        /// What the spec wrote; nil when it did not say (then amd64 is planned and nothing is compared).
        package var declaredArchitecture: Architecture?
        package init(distro: Distro, release: String, architecture: Architecture? = nil) {
            self.distro = distro
            self.release = release
            self.declaredArchitecture = architecture
        }
        /// The architecture plans are made for: the platform's default (amd64 on Linux, arm64 on a Mac) unless the spec says otherwise.
        package var architecture: Architecture { declaredArchitecture ?? profile.defaultArchitecture }
        /// What `uname -m` prints on this system (`aarch64` on Linux, `arm64` on macOS).
        package var kernelArchitectureName: String { profile.unameMachine(architecture) }
        /// Everything rigctl knows about this distribution.
        package var profile: DistributionProfile { DistributionProfile.of(distro) }
    }

    package struct SSH: Sendable, Equatable {
        package var host: String
        package var user: String?
        package var port: Int?
        package init(host: String, user: String? = nil, port: Int? = nil) {
            self.host = host
            self.user = user
            self.port = port
        }
    }

    package struct Parts: Sendable, Equatable {
        /// An Apple Silicon Mac's system on a chip (CPU, GPU and unified memory in one part).
        package var chip: Chip?
        package var cpu: CPU?
        package var motherboard: Motherboard?
        package var memory: Memory?
        package var gpus: [GPU]
        package var storage: [Disk]
        package var psus: [PSU]
        package var chassis: String?
        package var cooling: String?
        package var notes: String?
        package init(chip: Chip? = nil, cpu: CPU? = nil, motherboard: Motherboard? = nil, memory: Memory? = nil, gpus: [GPU] = [],
                    storage: [Disk] = [], psus: [PSU] = [], chassis: String? = nil, cooling: String? = nil, notes: String? = nil) {
            self.chip = chip
            self.cpu = cpu
            self.motherboard = motherboard
            self.memory = memory
            self.gpus = gpus
            self.storage = storage
            self.psus = psus
            self.chassis = chassis
            self.cooling = cooling
            self.notes = notes
        }

        /// Every GPU card, with `count:` expanded.
        package var gpuCount: Int { gpus.reduce(0) { $0 + $1.count } }
    }

    /// `parts.chip`: an Apple Silicon system on a chip (`Apple M2 Ultra`). Its memory is `parts.memory.size`,
    /// one pool the CPU and GPU share (unified memory).
    package struct Chip: Sendable, Equatable {
        package var model: String
        /// CPU cores, performance and efficiency together (`hw.ncpu`).
        package var cpuCores: Int?
        /// GPU cores (system_profiler's `sppci_cores`).
        package var gpuCores: Int?
        package init(model: String, cpuCores: Int? = nil, gpuCores: Int? = nil) {
            self.model = model
            self.cpuCores = cpuCores
            self.gpuCores = gpuCores
        }
    }

    package struct CPU: Sendable, Equatable {
        package var model: String
        package var cores: Int?
        package var threads: Int?
        package var sockets: Int?
        package var frequency: Quantity?
        package var power: Quantity?
        package init(model: String, cores: Int? = nil, threads: Int? = nil, sockets: Int? = nil,
                    frequency: Quantity? = nil, power: Quantity? = nil) {
            self.model = model
            self.cores = cores
            self.threads = threads
            self.sockets = sockets
            self.frequency = frequency
            self.power = power
        }
    }

    package struct Motherboard: Sendable, Equatable {
        package var vendor: String?
        package var model: String
        package var pcieSlots: Int?
        package init(vendor: String? = nil, model: String, pcieSlots: Int? = nil) {
            self.vendor = vendor
            self.model = model
            self.pcieSlots = pcieSlots
        }
    }

    package struct Memory: Sendable, Equatable {
        package enum Kind: String, Sendable, CaseIterable { case ddr3 = "DDR3", ddr4 = "DDR4", ddr5 = "DDR5" }
        package var size: Quantity
        package var modules: Int?
        package var type: Kind?
        package var speed: Quantity?
        package var ecc: Bool?
        package init(size: Quantity, modules: Int? = nil, type: Kind? = nil, speed: Quantity? = nil, ecc: Bool? = nil) {
            self.size = size
            self.modules = modules
            self.type = type
            self.speed = speed
            self.ecc = ecc
        }
    }

    package struct GPU: Sendable, Equatable {
        package var model: String
        package var count: Int
        package var vram: Quantity?
        /// Board power (TGP) of one card.
        package var power: Quantity?
        /// The PCIe link each card of this entry should train to (`pcie: { width: 16, speed: 16 GT/s }`).
        package var pcie: PCIeLink?
        package init(model: String, count: Int = 1, vram: Quantity? = nil, power: Quantity? = nil, pcie: PCIeLink? = nil) {
            self.model = model
            self.count = count
            self.vram = vram
            self.power = power
            self.pcie = pcie
        }
    }

    /// An expected PCIe link: lanes and transfer rate per lane; either may be left out.
    package struct PCIeLink: Sendable, Equatable {
        package var width: Int?
        /// Transfer rate per lane (`16 GT/s` is PCIe 4.0).
        package var speed: Quantity?
        package init(width: Int? = nil, speed: Quantity? = nil) {
            self.width = width
            self.speed = speed
        }
    }

    package struct Disk: Sendable, Equatable {
        package enum Interface: String, Sendable, CaseIterable { case nvme, sata, sas, usb }
        package var model: String
        package var size: Quantity
        package var interface: Interface?
        package var count: Int
        package init(model: String, size: Quantity, interface: Interface? = nil, count: Int = 1) {
            self.model = model
            self.size = size
            self.interface = interface
            self.count = count
        }
    }

    package struct PSU: Sendable, Equatable {
        package var model: String
        package var power: Quantity
        package init(model: String, power: Quantity) {
            self.model = model
            self.power = power
        }
    }

    package struct BIOS: Sendable, Equatable {
        package var version: String?
        /// Setting name → wanted value, in file order.
        package var settings: [Setting]
        package init(version: String? = nil, settings: [Setting] = []) {
            self.version = version
            self.settings = settings
        }
        package struct Setting: Sendable, Equatable {
            package var name: String
            package var value: String
            package init(name: String, value: String) {
                self.name = name
                self.value = value
            }
        }
    }

    package struct Drivers: Sendable, Equatable {
        package var nvidia: NVIDIA?
        package var cuda: VersionConstraint?
        /// AMD ROCm: `"6.2.4"` is that release; `"6.2"` is AMD's 6.2.0 (its repository directory `6.2`).
        package var rocm: VersionConstraint?
        package init(nvidia: NVIDIA? = nil, cuda: VersionConstraint? = nil, rocm: VersionConstraint? = nil) {
            self.nvidia = nvidia
            self.cuda = cuda
            self.rocm = rocm
        }
        package struct NVIDIA: Sendable, Equatable {
            package enum Flavor: String, Sendable, CaseIterable { case open, proprietary }
            package var version: VersionConstraint
            package var flavor: Flavor
            package init(version: VersionConstraint, flavor: Flavor) {
                self.version = version
                self.flavor = flavor
            }
        }
    }

    package struct GPUSettings: Sendable, Equatable {
        package var powerLimit: Quantity?
        package var persistence: Bool?
        package init(powerLimit: Quantity? = nil, persistence: Bool? = nil) {
            self.powerLimit = powerLimit
            self.persistence = persistence
        }
    }

    package struct Packages: Sendable, Equatable {
        package var apt: [AptPackage]
        /// Homebrew formulae (`packages.brew`), macOS only.
        package var brew: [String]
        /// Homebrew casks (`packages.casks`: applications), macOS only.
        package var casks: [String]
        package init(apt: [AptPackage] = [], brew: [String] = [], casks: [String] = []) {
            self.apt = apt
            self.brew = brew
            self.casks = casks
        }
    }

    /// One shared Python environment made with uv (docs/spec.md, `python`).
    package struct Python: Sendable, Equatable {
        /// Where the environment goes when the spec does not say.
        package static let defaultPath = "/opt/ml/venv"
        /// On a Mac: `/Users/Shared`, which every user may write (macOS makes it mode 1777), so no root is needed.
        package static let macDefaultPath = "/Users/Shared/ml/venv"
        package static func defaultPath(for distro: OperatingSystem.Distro) -> String {
            distro.profilePlatformIsMac ? macDefaultPath : defaultPath
        }
        /// `3.12`: the interpreter uv finds or installs.
        package var version: String
        /// The environment's directory.
        package var path: String
        package var torch: Torch?
        /// PyPI requirements, in the spec's order.
        package var packages: [String]
        package init(version: String, path: String = Python.defaultPath, torch: Torch? = nil, packages: [String] = []) {
            self.version = version
            self.path = path
            self.torch = torch
            self.packages = packages
        }

        /// PyTorch from the wheel index of one CUDA variant.
        package struct Torch: Sendable, Equatable {
            package var version: VersionConstraint
            /// `12.8`, or nil for the CPU-only wheels (`cuda: cpu`).
            package var cuda: Version?
            package init(version: VersionConstraint, cuda: Version?) {
                self.version = version
                self.cuda = cuda
            }
            /// The index name: `cu128`, or `cpu`.
            package var variant: String {
                guard let cuda else { return "cpu" }
                return "cu" + cuda.components.prefix(2).map(String.init).joined()
            }
        }
    }

    /// A container engine and the NVIDIA Container Toolkit (docs/spec.md, `containers`).
    package struct Containers: Sendable, Equatable {
        package enum Engine: String, Sendable, CaseIterable { case docker }
        package var engine: Engine
        /// The NVIDIA Container Toolkit with docker's `nvidia` runtime configured.
        package var nvidiaToolkit: Bool
        /// Users added to the `docker` group: root-equivalent on the machine (docs/spec.md).
        package var dockerUsers: [String]
        package init(engine: Engine = .docker, nvidiaToolkit: Bool = false, dockerUsers: [String] = []) {
            self.engine = engine
            self.nvidiaToolkit = nvidiaToolkit
            self.dockerUsers = dockerUsers
        }
    }

    /// `tmux` or `tmux=3.2a-4` (a pinned version).
    package struct AptPackage: Sendable, Hashable {
        package var name: String
        package var version: String?
        package init(name: String, version: String? = nil) {
            self.name = name
            self.version = version
        }
        /// `name` or `name=version`. The `=` is found by bytes (splitting cost 2,900 instructions a
        /// package); a name or version holding anything but ASCII fails its pattern either way.
        package init?(_ text: String) {
            guard let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) else {
                guard SpecPatterns.debianPackage.matches(text) else { return nil }
                self.init(name: text)
                return
            }
            let name = String(text[..<equals]), version = String(text[text.utf8.index(after: equals)...])
            guard SpecPatterns.debianPackage.matches(name), SpecPatterns.debianVersion.matches(version) else { return nil }
            self.init(name: name, version: version)
        }
        package var text: String { version.map { "\(name)=\($0)" } ?? name }
    }

    package struct Theme: Sendable, Equatable {
        /// The interactive shells whose prompt and terminal colours rigctl themes.
        package enum Shell: String, Sendable, CaseIterable { case bash, zsh, fish }

        package var background: Color
        package var foreground: Color
        package var accent: Color
        package var cursor: Color?
        /// Optional per-tool overrides: vim highlight roles and VS Code colour keys.
        package var vim: [String: Color]
        package var vscode: [String: Color]
        /// `theme.shells`, in the spec's order; bash when the spec names none.
        package var shells: [Shell]
        package init(background: Color, foreground: Color, accent: Color, cursor: Color? = nil,
                    vim: [String: Color] = [:], vscode: [String: Color] = [:], shells: [Shell] = [.bash]) {
            self.background = background
            self.foreground = foreground
            self.accent = accent
            self.cursor = cursor
            self.vim = vim
            self.vscode = vscode
            self.shells = shells
        }
    }

    /// One job the machine should run: a catalog model (`model:`) or a custom one by its numbers.
    package struct Workload: Sendable, Equatable {
        package enum Mode: String, Sendable, CaseIterable {
            case inference
            /// LoRA adapters trained over frozen weights (QLoRA with `precision: nf4`).
            case finetuneLoRA = "finetune-lora"
            /// Every weight trained, from a checkpoint.
            case finetune
            /// Every weight trained, from scratch.
            case train
            package var trainsAllWeights: Bool { self == .finetune || self == .train }
        }
        package enum Precision: String, Sendable, CaseIterable { case fp32, fp16, bf16, fp8, int8, int4, nf4 }
        package enum Optimizer: String, Sendable, CaseIterable {
            case adamw
            case adamw8bit = "adamw-8bit"
            case sgd
        }

        package var name: String
        /// A model of rigctl's catalog (`llama-3.1-8b`); nil for a custom model.
        package var model: String?
        /// A custom model's numbers (its config.json names in comments).
        package var custom: CustomModel?
        package var mode: Mode
        package var precision: Precision
        /// Tokens per sequence (KV cache and activations).
        package var context: Int?
        /// Sequences processed together.
        package var batch: Int?
        package var optimizer: Optimizer?
        package var loraRank: Int?
        package var gradientCheckpointing: Bool?

        package init(name: String, model: String? = nil, custom: CustomModel? = nil, mode: Mode, precision: Precision,
                     context: Int? = nil, batch: Int? = nil, optimizer: Optimizer? = nil, loraRank: Int? = nil,
                     gradientCheckpointing: Bool? = nil) {
            self.name = name
            self.model = model
            self.custom = custom
            self.mode = mode
            self.precision = precision
            self.context = context
            self.batch = batch
            self.optimizer = optimizer
            self.loraRank = loraRank
            self.gradientCheckpointing = gradientCheckpointing
        }
    }

    /// A model described by its architecture numbers instead of a catalog name.
    package struct CustomModel: Sendable, Equatable {
        /// Parameter count as written (`350M`), in parameters; nil to count it from the other numbers.
        package var parameters: Double?
        package var layers: Int?
        package var hidden: Int?
        package var heads: Int?
        package var kvHeads: Int?
        package var headDim: Int?
        package var intermediate: Int?
        package var vocab: Int?
        /// A mixture of experts: experts per layer, and how many of them run per token.
        package var experts: Int?
        package var expertsPerToken: Int?
        package init(parameters: Double? = nil, layers: Int? = nil, hidden: Int? = nil, heads: Int? = nil, kvHeads: Int? = nil,
                     headDim: Int? = nil, intermediate: Int? = nil, vocab: Int? = nil, experts: Int? = nil, expertsPerToken: Int? = nil) {
            self.parameters = parameters
            self.layers = layers
            self.hidden = hidden
            self.heads = heads
            self.kvHeads = kvHeads
            self.headDim = headDim
            self.intermediate = intermediate
            self.vocab = vocab
            self.experts = experts
            self.expertsPerToken = expertsPerToken
        }
    }
}
