/// The spec format, version 1: the one definition the loader and the JSON Schema share.
package enum MachineSpecShape {
    package static let currentVersion = 1

    package static let root: Shape = .object([
        Field("version", .integer(1...1), required: true, "spec format version; always 1"),
        Field("include", .list(.string(SpecPatterns.includePath), unique: true), "shared fragments, relative to this file"),
        Field("hostname", .string(SpecPatterns.hostname), required: true, "the machine's hostname"),
        Field("description", .string(SpecPatterns.prose), "what the machine is for"),
        Field("role", .choice(MachineSpec.Role.allCases.map(\.rawValue)), "desktop (local monitor) or headless (default)"),
        Field("os", os, required: true, "the operating system"),
        Field("ssh", ssh, "how to reach the machine, for the Ansible inventory"),
        Field("parts", parts, "the hardware"),
        Field("bios", bios, "firmware version and settings"),
        Field("drivers", drivers, "NVIDIA driver and CUDA toolkit, or AMD ROCm"),
        Field("gpu-settings", gpuSettings, "persistent GPU settings"),
        Field("packages", packages, "packages to install"),
        Field("python", python, "one shared Python environment, made with uv"),
        Field("containers", containers, "a container engine and the NVIDIA Container Toolkit"),
        Field("theme", theme, "the machine's colours"),
        Field("workloads", .list(workload, unique: false), "the models the machine should run or train (rigctl fit)"),
    ])

    static let os: Shape = .object([
        Field("distro", .choice(MachineSpec.OperatingSystem.Distro.allCases.map(\.rawValue)), required: true, "distribution id as in /etc/os-release, or macos"),
        Field("release", .string(SpecPatterns.osRelease), required: true, "VERSION_ID, quoted, e.g. \"22.04\"; on macos the major version (sw_vers), e.g. \"15\""),
        Field("arch", .choice(MachineSpec.OperatingSystem.Architecture.allCases.map(\.rawValue)),
              "CPU architecture as Debian names it: amd64 (the default on Linux) or arm64 (DGX Spark, Grace; Apple Silicon, the only and default one on macos)"),
    ])

    static let ssh: Shape = .object([
        Field("host", .string(SpecPatterns.hostname), required: true, "DNS name or address"),
        Field("user", .string(SpecPatterns.userName), "login user"),
        Field("port", .integer(1...65535), "SSH port"),
    ])

    static let chip: Shape = .object([
        Field("model", .string(SpecPatterns.label), required: true, "as sysctl machdep.cpu.brand_string names it, e.g. Apple M2 Ultra"),
        Field("cpu-cores", .integer(1...1024), "CPU cores, performance and efficiency together (hw.ncpu)"),
        Field("gpu-cores", .integer(1...1024), "GPU cores, as System Information counts them"),
    ])

    static let cpu: Shape = .object([
        Field("model", .string(SpecPatterns.label), required: true, "as /proc/cpuinfo names it"),
        Field("cores", .integer(1...4096), "physical cores in all sockets"),
        Field("threads", .integer(1...8192), "hardware threads in all sockets"),
        Field("sockets", .integer(1...16), "CPU sockets"),
        Field("frequency", .quantity(.frequency), "maximum clock"),
        Field("power", .quantity(.power), "TDP, for the power budget"),
    ])

    static let motherboard: Shape = .object([
        Field("vendor", .string(SpecPatterns.label), "board vendor"),
        Field("model", .string(SpecPatterns.label), required: true, "board name"),
        Field("pcie-slots", .integer(1...32), "full-length PCIe slots for GPUs"),
    ])

    static let memory: Shape = .object([
        Field("size", .quantity(.size), required: true, "total installed memory"),
        Field("modules", .integer(1...64), "number of DIMMs"),
        Field("type", .choice(MachineSpec.Memory.Kind.allCases.map(\.rawValue)), "DDR generation"),
        Field("speed", .quantity(.frequency), "configured speed, e.g. \"3200 MT/s\""),
        Field("ecc", .boolean, "error-correcting memory"),
    ])

    static let gpu: Shape = .object([
        Field("model", .string(SpecPatterns.label), required: true, "as nvidia-smi names it"),
        Field("count", .integer(1...16), "identical cards (default 1)"),
        Field("vram", .quantity(.size), "memory of one card"),
        Field("power", .quantity(.power), "board power of one card"),
        Field("pcie", .object([
            Field("width", .integer(1...32), "lanes the link should train to (16 for x16)"),
            Field("speed", .quantity(.frequency), "transfer rate per lane: 8 GT/s (PCIe 3.0), 16 GT/s (4.0), 32 GT/s (5.0)"),
        ]), "the PCIe link each card should run at; rigctl diff compares it with the probed link"),
    ])

    static let disk: Shape = .object([
        Field("model", .string(SpecPatterns.label), required: true, "as lsblk names it"),
        Field("size", .quantity(.size), required: true, "capacity as sold (1 TB) or as counted (931 GiB)"),
        Field("interface", .choice(MachineSpec.Disk.Interface.allCases.map(\.rawValue)), "transport"),
        Field("count", .integer(1...64), "identical drives (default 1)"),
    ])

    static let psu: Shape = .object([
        Field("model", .string(SpecPatterns.label), required: true, "power supply model"),
        Field("power", .quantity(.power), required: true, "rated output"),
    ])

    static let parts: Shape = .object([
        Field("chip", chip, "an Apple Silicon Mac's system on a chip (macos only); its unified memory is memory.size"),
        Field("cpu", cpu, "the processor"),
        Field("motherboard", motherboard, "the board"),
        Field("memory", memory, "installed RAM"),
        Field("gpus", .list(gpu, unique: false), "graphics cards"),
        Field("storage", .list(disk, unique: false), "drives"),
        Field("psu", .oneOrMany(psu), "one power supply, or a list when several share the load"),
        Field("case", .string(SpecPatterns.label), "the chassis"),
        Field("cooling", .string(SpecPatterns.label), "CPU cooler or loop"),
        Field("notes", .string(SpecPatterns.prose), "anything else about the hardware"),
    ])

    static let bios: Shape = .object([
        Field("version", .string(SpecPatterns.biosVersion), "firmware version, quoted"),
        Field("settings", .map(key: SpecPatterns.settingName, value: .string(SpecPatterns.settingValue)), "setting → value"),
    ])

    static let drivers: Shape = .object([
        Field("nvidia", .object([
            Field("version", .version, required: true, "branch (\"570\"), exact (\"570.124.06\") or minimum (\">=570\")"),
            Field("flavor", .choice(MachineSpec.Drivers.NVIDIA.Flavor.allCases.map(\.rawValue)), required: true, "kernel modules: open or proprietary"),
        ]), "the NVIDIA driver"),
        Field("cuda", .version, "CUDA toolkit, e.g. \"12.8\""),
        Field("rocm", .version, "AMD ROCm release from AMD's repository, e.g. \"6.2.4\" (held there)"),
    ])

    static let gpuSettings: Shape = .object([
        Field("power-limit", .quantity(.power), "power limit applied to every NVIDIA GPU"),
        Field("persistence", .boolean, "persistence mode"),
    ])

    static let packages: Shape = .object([
        Field("apt", .list(.string(SpecPatterns.aptPackage), unique: true), "Debian packages, optionally pinned name=version (Linux)"),
        Field("brew", .list(.string(SpecPatterns.brewFormula), unique: true), "Homebrew formulae, e.g. python@3.12 or a tapped user/repo/name (macos)"),
        Field("casks", .list(.string(SpecPatterns.brewCask), unique: true), "Homebrew casks: applications such as visual-studio-code (macos)"),
    ])

    static let python: Shape = .object([
        Field("version", .string(SpecPatterns.pythonVersion), required: true, "interpreter version, e.g. \"3.12\" (uv's own, else the system's)"),
        Field("path", .string(SpecPatterns.absolutePath), "the environment's directory (default /opt/ml/venv; /Users/Shared/ml/venv on macos)"),
        Field("torch", .object([
            Field("version", .version, required: true, "PyTorch release, e.g. \"2.7\" (any 2.7.x) or \">=2.7\""),
            Field("cuda", .string(SpecPatterns.torchVariant), required: true, "the wheels' CUDA variant, e.g. \"12.8\" (cu128), or \"cpu\""),
        ]), "PyTorch, from the wheel index of its CUDA variant"),
        Field("packages", .list(.string(SpecPatterns.pythonRequirement), unique: true), "PyPI requirements: a name, or a name with version specifiers"),
    ])

    static let containers: Shape = .object([
        Field("engine", .choice(MachineSpec.Containers.Engine.allCases.map(\.rawValue)), required: true,
              "the container engine: docker (Docker Engine from Docker's apt repository)"),
        Field("nvidia-toolkit", .boolean, "the NVIDIA Container Toolkit and docker's nvidia runtime (default false)"),
        Field("docker-users", .list(.string(SpecPatterns.userName), unique: true),
              "users added to the docker group (root-equivalent: anyone in it controls the machine)"),
    ])

    /// Names of the base vim scheme's colour variables that a spec may override.
    package static var vimColorRoles: [String] { ThemeVocabulary.vimVariableNames }

    static let theme: Shape = .object([
        Field("background", .color, required: true, "terminal and editor background"),
        Field("foreground", .color, required: true, "text colour"),
        Field("accent", .color, required: true, "prompt, status line, title bar"),
        Field("cursor", .color, "cursor colour (default: accent)"),
        Field("vim", .map(key: StringPattern(oneOf: vimColorRoles,
                                             meaning: "a vim colour role: " + vimColorRoles.joined(separator: ", ")),
                          value: .color), "overrides of the base vim scheme's colours"),
        Field("vscode", .map(key: SpecPatterns.vscodeColorKey, value: .color), "extra workbench.colorCustomizations"),
        Field("shells", .list(.choice(MachineSpec.Theme.Shell.allCases.map(\.rawValue)), unique: true),
              "interactive shells to colour: bash, zsh, fish (default: bash)"),
    ])

    static let workload: Shape = .object([
        Field("name", .string(SpecPatterns.machineName), required: true, "what the job is called (lower case letters, digits, '-')"),
        Field("model", .string(SpecPatterns.modelName), "a model of rigctl's catalog (rigctl fit --list-models), or leave it out and give the numbers"),
        Field("mode", .choice(MachineSpec.Workload.Mode.allCases.map(\.rawValue)), required: true, "inference, finetune-lora, finetune (all weights) or train (from scratch)"),
        Field("precision", .choice(MachineSpec.Workload.Precision.allCases.map(\.rawValue)), required: true, "weight precision; nf4 with finetune-lora is QLoRA"),
        Field("context", .integer(1...10_485_760), "tokens per sequence (default 4096)"),
        Field("batch", .integer(1...65_536), "sequences at once (default 1)"),
        Field("optimizer", .choice(MachineSpec.Workload.Optimizer.allCases.map(\.rawValue)), "training optimizer (default adamw)"),
        Field("lora-rank", .integer(1...4096), "LoRA rank r (default 16)"),
        Field("gradient-checkpointing", .boolean, "recompute activations in the backward pass (default true)"),
        Field("parameters", .string(SpecPatterns.parameterCount), "custom model: parameter count such as 350M or 7.6B"),
        Field("layers", .integer(1...1024), "custom model: num_hidden_layers"),
        Field("hidden", .integer(1...262_144), "custom model: hidden_size"),
        Field("heads", .integer(1...4096), "custom model: num_attention_heads (default hidden / 128)"),
        Field("kv-heads", .integer(1...4096), "custom model: num_key_value_heads (default heads)"),
        Field("head-dim", .integer(1...4096), "custom model: head_dim (default hidden / heads)"),
        Field("intermediate", .integer(1...1_048_576), "custom model: intermediate_size (default 4 × hidden); of one expert in a mixture of experts"),
        Field("vocab", .integer(1...4_194_304), "custom model: vocab_size (default 32000)"),
        Field("experts", .integer(1...4096), "custom model: experts per layer of a mixture of experts (num_local_experts / num_experts; default 1, dense)"),
        Field("experts-per-token", .integer(1...4096), "custom model: experts each token runs through (num_experts_per_tok)"),
    ])
}
