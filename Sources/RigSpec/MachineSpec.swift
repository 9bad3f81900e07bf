/// One machine as its YAML file describes it, after includes are merged and every value validated.
public struct MachineSpec: Sendable, Equatable {
    /// The machine's name: its file name without `.yaml`.
    public var name: String
    /// The machine file this spec was loaded from.
    public var file: String
    public var version: Int
    public var hostname: String
    public var description: String?
    public var role: Role
    public var os: OperatingSystem
    public var ssh: SSH?
    public var parts: Parts
    public var bios: BIOS?
    public var drivers: Drivers?
    public var gpuSettings: GPUSettings?
    public var packages: Packages
    public var theme: Theme?
    /// Where each key path (`drivers.nvidia.version`, `parts.gpus[0].model`) was written.
    public var locations: SourceMap

    public init(name: String, file: String, version: Int = 1, hostname: String, description: String? = nil,
                role: Role = .headless, os: OperatingSystem, ssh: SSH? = nil, parts: Parts = Parts(),
                bios: BIOS? = nil, drivers: Drivers? = nil, gpuSettings: GPUSettings? = nil,
                packages: Packages = Packages(), theme: Theme? = nil, locations: SourceMap = SourceMap()) {
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
        self.theme = theme
        self.locations = locations
    }

    /// Desktops get their VS Code colours in the user settings; headless nodes in the remote machine settings.
    public enum Role: String, Sendable, CaseIterable { case desktop, headless }

    public struct OperatingSystem: Sendable, Equatable {
        public enum Distro: String, Sendable, CaseIterable { case ubuntu, debian, pop }
        public var distro: Distro
        public var release: String
        public init(distro: Distro, release: String) {
            self.distro = distro
            self.release = release
        }
    }

    public struct SSH: Sendable, Equatable {
        public var host: String
        public var user: String?
        public var port: Int?
        public init(host: String, user: String? = nil, port: Int? = nil) {
            self.host = host
            self.user = user
            self.port = port
        }
    }

    public struct Parts: Sendable, Equatable {
        public var cpu: CPU?
        public var motherboard: Motherboard?
        public var memory: Memory?
        public var gpus: [GPU]
        public var storage: [Disk]
        public var psus: [PSU]
        public var chassis: String?
        public var cooling: String?
        public var notes: String?
        public init(cpu: CPU? = nil, motherboard: Motherboard? = nil, memory: Memory? = nil, gpus: [GPU] = [],
                    storage: [Disk] = [], psus: [PSU] = [], chassis: String? = nil, cooling: String? = nil, notes: String? = nil) {
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
        public var gpuCount: Int { gpus.reduce(0) { $0 + $1.count } }
    }

    public struct CPU: Sendable, Equatable {
        public var model: String
        public var cores: Int?
        public var threads: Int?
        public var sockets: Int?
        public var frequency: Quantity?
        public var power: Quantity?
        public init(model: String, cores: Int? = nil, threads: Int? = nil, sockets: Int? = nil,
                    frequency: Quantity? = nil, power: Quantity? = nil) {
            self.model = model
            self.cores = cores
            self.threads = threads
            self.sockets = sockets
            self.frequency = frequency
            self.power = power
        }
    }

    public struct Motherboard: Sendable, Equatable {
        public var vendor: String?
        public var model: String
        public var pcieSlots: Int?
        public init(vendor: String? = nil, model: String, pcieSlots: Int? = nil) {
            self.vendor = vendor
            self.model = model
            self.pcieSlots = pcieSlots
        }
    }

    public struct Memory: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable { case ddr3 = "DDR3", ddr4 = "DDR4", ddr5 = "DDR5" }
        public var size: Quantity
        public var modules: Int?
        public var type: Kind?
        public var speed: Quantity?
        public var ecc: Bool?
        public init(size: Quantity, modules: Int? = nil, type: Kind? = nil, speed: Quantity? = nil, ecc: Bool? = nil) {
            self.size = size
            self.modules = modules
            self.type = type
            self.speed = speed
            self.ecc = ecc
        }
    }

    public struct GPU: Sendable, Equatable {
        public var model: String
        public var count: Int
        public var vram: Quantity?
        /// Board power (TGP) of one card.
        public var power: Quantity?
        public init(model: String, count: Int = 1, vram: Quantity? = nil, power: Quantity? = nil) {
            self.model = model
            self.count = count
            self.vram = vram
            self.power = power
        }
    }

    public struct Disk: Sendable, Equatable {
        public enum Interface: String, Sendable, CaseIterable { case nvme, sata, sas, usb }
        public var model: String
        public var size: Quantity
        public var interface: Interface?
        public var count: Int
        public init(model: String, size: Quantity, interface: Interface? = nil, count: Int = 1) {
            self.model = model
            self.size = size
            self.interface = interface
            self.count = count
        }
    }

    public struct PSU: Sendable, Equatable {
        public var model: String
        public var power: Quantity
        public init(model: String, power: Quantity) {
            self.model = model
            self.power = power
        }
    }

    public struct BIOS: Sendable, Equatable {
        public var version: String?
        /// Setting name → wanted value, in file order.
        public var settings: [Setting]
        public init(version: String? = nil, settings: [Setting] = []) {
            self.version = version
            self.settings = settings
        }
        public struct Setting: Sendable, Equatable {
            public var name: String
            public var value: String
            public init(name: String, value: String) {
                self.name = name
                self.value = value
            }
        }
    }

    public struct Drivers: Sendable, Equatable {
        public var nvidia: NVIDIA?
        public var cuda: VersionConstraint?
        public init(nvidia: NVIDIA? = nil, cuda: VersionConstraint? = nil) {
            self.nvidia = nvidia
            self.cuda = cuda
        }
        public struct NVIDIA: Sendable, Equatable {
            public enum Flavor: String, Sendable, CaseIterable { case open, proprietary }
            public var version: VersionConstraint
            public var flavor: Flavor
            public init(version: VersionConstraint, flavor: Flavor) {
                self.version = version
                self.flavor = flavor
            }
        }
    }

    public struct GPUSettings: Sendable, Equatable {
        public var powerLimit: Quantity?
        public var persistence: Bool?
        public init(powerLimit: Quantity? = nil, persistence: Bool? = nil) {
            self.powerLimit = powerLimit
            self.persistence = persistence
        }
    }

    public struct Packages: Sendable, Equatable {
        public var apt: [AptPackage]
        public init(apt: [AptPackage] = []) { self.apt = apt }
    }

    /// `tmux` or `tmux=3.2a-4` (a pinned version).
    public struct AptPackage: Sendable, Hashable {
        public var name: String
        public var version: String?
        public init(name: String, version: String? = nil) {
            self.name = name
            self.version = version
        }
        public init?(_ text: String) {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, SpecPatterns.debianPackage.matches(String(first)) else { return nil }
            if parts.count == 2 {
                guard SpecPatterns.debianVersion.matches(String(parts[1])) else { return nil }
                self.init(name: String(first), version: String(parts[1]))
            } else {
                self.init(name: String(first))
            }
        }
        public var text: String { version.map { "\(name)=\($0)" } ?? name }
    }

    public struct Theme: Sendable, Equatable {
        /// The interactive shells whose prompt and terminal colours rigctl themes.
        public enum Shell: String, Sendable, CaseIterable { case bash, zsh, fish }

        public var background: Color
        public var foreground: Color
        public var accent: Color
        public var cursor: Color?
        /// Optional per-tool overrides: vim highlight roles and VS Code colour keys.
        public var vim: [String: Color]
        public var vscode: [String: Color]
        /// `theme.shells`, in the spec's order; bash when the spec names none.
        public var shells: [Shell]
        public init(background: Color, foreground: Color, accent: Color, cursor: Color? = nil,
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
}
