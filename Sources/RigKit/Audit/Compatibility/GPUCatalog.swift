import RigSpec
import RigSystem
import RigProbe
/// The GPUs rigctl knows, found by model name. Exact models carry VRAM and board power;
/// family entries (`GeForce RTX 30 series`) carry only the architecture.
///
/// Sources (see docs/compatibility.md §2-3 for the full citations):
/// - [O] observed: `nvidia-smi` outputs in Tests/RigKitTests/Fixtures/tools (telegraf, nvidia_gpu_exporter captures) and
///   public `nvidia-smi` tables in GitHub repositories (memory total in MiB, default power limit in W).
/// - Compute capability per family: pytorch `select_compute_arch.cmake`, NVIDIA CUTLASS Blackwell docs,
///   `compute_cap` fields in captures (docs/compatibility.md §2).
/// Only numbers with a source are filled in; anything else is left empty rather than guessed.
package struct GPUCatalog: Sendable {
    /// A name pattern over normalised names (`GPUName.normalize`).
    package enum NamePattern: Sendable, Equatable {
        /// The name starts with these words: `["H100"]` matches `H100 PCIE`.
        case leadingWords([String])
        /// `word` followed by a model number `series` + `digits` digits, optionally with a letter
        /// suffix: `.numbered("RTX", series: "30", digits: 2)` matches `RTX 3090`, `RTX 3080TI`, `RTX 3060 TI`.
        case numbered(String, series: String, digits: Int)

        func matches(_ normalized: String) -> Bool {
            matches(words: normalized.split(separator: " "))
        }

        /// `matches` over the normalised name's words, split once for every pattern.
        func matches(words: [Substring]) -> Bool {
            switch self {
            case .leadingWords(let prefix):
                return words.count >= prefix.count && zip(words, prefix).allSatisfy { $0 == $1 }
            case let .numbered(word, series, digits):
                guard words.count >= 2, words[0] == word, words[1].hasPrefix(series) else { return false }
                let rest = words[1].dropFirst(series.count)
                let number = rest.prefix(while: { $0.isASCII && $0.isNumber })
                let suffix = rest.dropFirst(number.count)
                return number.count == digits && suffix.allSatisfy({ $0.isASCII && $0.isLetter })
            }
        }
    }

    package struct Entry: Sendable, Equatable {
        /// Normalised names that mean exactly this model.
        package let aliases: [String]
        package let model: GPUModel
    }

    package struct Family: Sendable, Equatable {
        package let pattern: NamePattern
        package let model: GPUModel
    }

    package let entries: [Entry]
    package let families: [Family]
    /// Alias → the first entry that has it, the one a scan of `entries` finds: every rule looks up
    /// every GPU of every machine.
    private let entryByAlias: [String: Int]
    /// Which catalog this is (copies share it: the tables cannot change), so a spec's lookups made in
    /// one catalog are not taken for another's (`SpecLookups`).
    package let identity = Identity()

    package final class Identity: Sendable {}

    package init(entries: [Entry], families: [Family]) {
        self.entries = entries
        self.families = families
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for alias in entry.aliases where index[alias] == nil { index[alias] = position }
        }
        entryByAlias = index
    }

    /// The model named `name` (any spelling `GPUName.normalize` unifies), else its family, else nil.
    package func lookup(_ name: String) -> GPUModel? {
        lookup(normalized: GPUName.normalize(name))
    }

    /// `lookup` of a name `GPUName.normalize` already gave.
    package func lookup(normalized: String) -> GPUModel? {
        if let position = entryByAlias[normalized] { return entries[position].model }
        let words = normalized.split(separator: " ")
        return families.first(where: { $0.pattern.matches(words: words) })?.model
    }

    /// The catalog built from docs/compatibility.md and the recorded tool outputs.
    package static let standard = GPUCatalog(entries: knownModels, families: knownFamilies)

    private static func model(_ names: [String], _ model: GPUModel) -> Entry {
        Entry(aliases: names.map(GPUName.normalize), model: model)
    }

    private static let knownModels: [Entry] = [
        // Turing
        model(["GeForce RTX 2080 SUPER"], GPUModel(
            name: "GeForce RTX 2080 SUPER", architecture: .turing, computeCapability: ComputeCapability(7, 5),
            vramGiB: [8], boardPowerWatts: 250,
            source: "[O] nvidia_gpu_exporter capture 610.57.04: compute_cap 7.5, memory.total 8192 MiB, power.default_limit 250 W")),
        // Ampere GA100
        model(["A100-SXM4-80GB", "A100 SXM4 80GB"], GPUModel(
            name: "A100 SXM4 80GB", architecture: .ampere, computeCapability: ComputeCapability(8, 0),
            vramGiB: [80], boardPowerWatts: 500,
            source: "[O] telegraf a100-sxm4-v12.xml: 81920 MiB, default_power_limit 500 W (also ships as 400 W, docs/compatibility.md §3)")),
        model(["A100-SXM4-40GB", "A100 SXM4 40GB"], GPUModel(
            name: "A100 SXM4 40GB", architecture: .ampere, computeCapability: ComputeCapability(8, 0),
            vramGiB: [40], boardPowerWatts: 400,
            source: "[S] A100 datasheet via glennklockwood.com / thundercompute.com: SXM4 400 W nominal (docs/compatibility.md §3)")),
        model(["A100-PCIE-40GB", "A100 PCIe 40GB"], GPUModel(
            name: "A100 PCIe 40GB", architecture: .ampere, computeCapability: ComputeCapability(8, 0),
            vramGiB: [40], boardPowerWatts: 250,
            source: "[S] A100 datasheet via thundercompute.com: PCIe 40GB 250 W (docs/compatibility.md §3)")),
        model(["A100 80GB PCIe", "A100-PCIE-80GB"], GPUModel(
            name: "A100 80GB PCIe", architecture: .ampere, computeCapability: ComputeCapability(8, 0),
            vramGiB: [80], boardPowerWatts: 300,
            source: "[S] A100 datasheet via thundercompute.com: PCIe 80GB 300 W (docs/compatibility.md §3)")),
        // Ampere GA10x
        model(["GeForce RTX 3090"], GPUModel(
            name: "GeForce RTX 3090", architecture: .ampere, computeCapability: ComputeCapability(8, 6),
            vramGiB: [24], boardPowerWatts: 350,
            source: "[O] telegraf 3090-v13.xml: 24576 MiB, default_power_limit 350 W")),
        model(["GeForce RTX 3060"], GPUModel(
            name: "GeForce RTX 3060", architecture: .ampere, computeCapability: ComputeCapability(8, 6),
            vramGiB: [12], vramVariantsComplete: false, boardPowerWatts: 170,
            source: "[O] telegraf rtx-3060-v12.xml: 12288 MiB, default_power_limit 170 W; other memory variants not in the sources")),
        model(["RTX A5000"], GPUModel(
            name: "RTX A5000", architecture: .ampere, computeCapability: ComputeCapability(8, 6),
            vramGiB: [24], boardPowerWatts: 230,
            source: "[O] public nvidia-smi tables: 24564 MiB, cap 230 W (docs/compatibility.md §3)")),
        // Ada Lovelace
        model(["GeForce RTX 4090"], GPUModel(
            name: "GeForce RTX 4090", architecture: .ada, computeCapability: ComputeCapability(8, 9),
            vramGiB: [24], boardPowerWatts: 450,
            source: "[O] thamada/nvidia-smi RTX4090 table and public nvidia-smi tables: 24564 MiB, 450 W")),
        model(["GeForce RTX 4080 SUPER"], GPUModel(
            name: "GeForce RTX 4080 SUPER", architecture: .ada, computeCapability: ComputeCapability(8, 9),
            vramGiB: [16], boardPowerWatts: 320,
            source: "[O] nvidia_gpu_exporter capture 595.71.05: compute_cap 8.9, 16376 MiB, power.default_limit 320 W")),
        model(["L40S"], GPUModel(
            name: "L40S", architecture: .ada, computeCapability: ComputeCapability(8, 9),
            vramGiB: [48], boardPowerWatts: 350,
            source: "[O] public nvidia-smi tables: 46068 MiB with ECC on (48 GB board), cap 350 W (docs/compatibility.md §3)")),
        // Hopper
        model(["H100 80GB HBM3"], GPUModel(
            name: "H100 80GB HBM3 (SXM5)", architecture: .hopper, computeCapability: ComputeCapability(9, 0),
            vramGiB: [80], boardPowerWatts: 700,
            source: "[O] nvidia_gpu_exporter capture 590.48.01: compute_cap 9.0, 81559 MiB, power.default_limit 700 W")),
        model(["H100 PCIe"], GPUModel(
            name: "H100 PCIe", architecture: .hopper, computeCapability: ComputeCapability(9, 0),
            vramGiB: [80], boardPowerWatts: 350,
            source: "[P] NVIDIA H100 PCIe Product Brief PB-11133-001_v02: 80 GB, maximum TDP 350 W")),
        model(["H100 NVL"], GPUModel(
            name: "H100 NVL", architecture: .hopper, computeCapability: ComputeCapability(9, 0),
            boardPowerWatts: 400,
            source: "[S] onestopsystems.com: 400 W; memory size not in the sources consulted")),
        model(["H200"], GPUModel(
            name: "H200", architecture: .hopper, computeCapability: ComputeCapability(9, 0),
            vramGiB: [141], boardPowerWatts: 700,
            source: "[O] nvidia_gpu_exporter capture 590.48.01: 143771 MiB, cap 700 W")),
        // Blackwell
        model(["B300 SXM6 AC"], GPUModel(
            name: "B300 SXM6 AC", architecture: .blackwell, computeCapability: ComputeCapability(10, 3),
            boardPowerWatts: 1100,
            source: "[O] capture: compute_cap 10.3, cap 1100 W (docs/compatibility.md §2-3)")),
        model(["GeForce RTX 5090"], GPUModel(
            name: "GeForce RTX 5090", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
            vramGiB: [32], boardPowerWatts: 575,
            source: "[O] pavanjava/vision_rag system_requirements.md and public nvidia-smi tables: 32607 MiB, 575 W")),
        model(["GeForce RTX 5090 D"], GPUModel(
            name: "GeForce RTX 5090 D", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
            vramGiB: [32], boardPowerWatts: 600,
            source: "[O] public nvidia-smi table: 32607 MiB, cap 600 W")),
        model(["GeForce RTX 5070 Ti"], GPUModel(
            name: "GeForce RTX 5070 Ti", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
            vramGiB: [16], boardPowerWatts: 300,
            source: "[O] real nvidia-smi tables: compute_cap 12.0, 16303 MiB, cap 300 W (docs/compatibility.md §2-3)")),
        model(["GeForce RTX 5060 Ti"], GPUModel(
            name: "GeForce RTX 5060 Ti", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
            vramGiB: [16, 8],
            source: "[O] fixtures/02_nvidia_smi_csv 8x RTX 5060 Ti: 16311 MiB; [S] retail listings: 8 GB variant; board power not in the sources")),
        model(["RTX PRO 6000 Blackwell Max-Q Workstation Edition", "RTX PRO 6000 Blackwell Max-Q"], GPUModel(
            name: "RTX PRO 6000 Blackwell Max-Q", architecture: .blackwell, computeCapability: ComputeCapability(12, 0),
            vramGiB: [96], boardPowerWatts: 300,
            source: "[O] public nvidia-smi reports: 97887 MiB, cap 300 W (docs/compatibility.md §3)")),
        // AMD (no CUDA rules apply). LLVM targets: AMD's "System requirements (Linux)" GPU tables
        // (ROCm/rocm-install-on-linux docs/reference/system-requirements.rst, branches docs/6.0.0 to docs/6.2.4,
        // the same list in each). rocm-smi's "Max Graphics Package Power" is the package power cap, below AMD's
        // total board power, so it is not used as board power: only published board powers are.
        model(["AMD Instinct MI300X"], GPUModel(
            name: "AMD Instinct MI300X", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [192], boardPowerWatts: 750, llvmTarget: "gfx942",
            source: "[P] system-requirements.rst: gfx942; [S] meterpreter.org \"AMD confirms Instinct MI300X power consumption up to 750W\" (OAM, 192 GB HBM3)")),
        model(["AMD Instinct MI250X"], GPUModel(
            name: "AMD Instinct MI250X", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [128], boardPowerWatts: 560, llvmTarget: "gfx90a",
            source: "[P] system-requirements.rst: gfx90a; [S] meterpreter.org \"AMD releases Instinct MI200 series\": 128 GB HBM2e, TDP 560 W")),
        model(["AMD Instinct MI250"], GPUModel(
            name: "AMD Instinct MI250", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [128], boardPowerWatts: 560, llvmTarget: "gfx90a",
            source: "[P] system-requirements.rst: gfx90a; [S] AnandTech 17326 (MI210 launch) table: MI250 128 GB, TDP 560 W")),
        model(["AMD Instinct MI210"], GPUModel(
            name: "AMD Instinct MI210", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [64], boardPowerWatts: 300, llvmTarget: "gfx90a",
            source: "[P] system-requirements.rst: gfx90a; [S] AnandTech 17326 \"AMD Releases Instinct MI210\": 64 GB HBM2e, TDP 300 W, PCIe 4.0")),
        model(["AMD Instinct MI100"], GPUModel(
            name: "AMD Instinct MI100", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [32], llvmTarget: "gfx908",
            source: "[O] fixtures/12_rocm_smi mi100_rocm6.0.2_json: VRAM Total 34342961152 B; [P] system-requirements.rst: gfx908")),
        model(["AMD Instinct MI50"], GPUModel(
            name: "AMD Instinct MI50", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [16, 32], vramVariantsComplete: false, llvmTarget: "gfx906",
            source: "[P] system-requirements.rst: gfx906 (deprecated); [S] AnandTech 17326 table: 16 GB (a 32 GB card also ships)")),
        model(["AMD Radeon PRO W7900"], GPUModel(
            name: "AMD Radeon PRO W7900", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [48], llvmTarget: "gfx1100",
            source: "[P] system-requirements.rst: gfx1100; board power not in the sources consulted")),
        model(["AMD Radeon PRO W7800"], GPUModel(
            name: "AMD Radeon PRO W7800", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [32], llvmTarget: "gfx1100",
            source: "[P] system-requirements.rst: gfx1100; board power not in the sources consulted")),
        model(["AMD Radeon PRO W6800"], GPUModel(
            name: "AMD Radeon PRO W6800", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [32], llvmTarget: "gfx1030",
            source: "[P] system-requirements.rst: gfx1030; board power not in the sources consulted")),
        model(["AMD Radeon PRO V620"], GPUModel(
            name: "AMD Radeon PRO V620", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [32], llvmTarget: "gfx1030",
            source: "[P] system-requirements.rst: gfx1030; board power not in the sources consulted")),
        model(["AMD Radeon VII"], GPUModel(
            name: "AMD Radeon VII", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [16], llvmTarget: "gfx906",
            source: "[P] system-requirements.rst: gfx906 (deprecated)")),
        model(["AMD Radeon RX 6700 XT"], GPUModel(
            name: "AMD Radeon RX 6700 XT", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [12], llvmTarget: "gfx1031",
            source: "[O] fixtures/12_rocm_smi rx6700xt_rocm6.1.2_json: VRAM Total 12868124672 B; gfx1031 (Navi 22) is not in AMD's supported list")),
        model(["AMD Radeon RX 7900 XTX"], GPUModel(
            name: "AMD Radeon RX 7900 XTX", vendor: .amd, architecture: nil, computeCapability: nil,
            vramGiB: [24], boardPowerWatts: 355, llvmTarget: "gfx1100",
            source: "[O] fixtures/09_lspci lspci_nn_amd_rx7900xtx_single_line; [P] system-requirements.rst: gfx1100; [S] AMD's launch figures (mybroadband.co.za, 2022-11-04): 24 GB GDDR6, 355 W")),
        model(["AMD Radeon RX 7900 XT"], GPUModel(
            name: "AMD Radeon RX 7900 XT", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [20], llvmTarget: "gfx1100",
            source: "[O] rocm-smi --json in marimo-team/marimo#9237: Radeon RX 7900 XT, 21458059264 B, GFX Version gfx1100")),
        model(["AMD Radeon RX 7900 GRE"], GPUModel(
            name: "AMD Radeon RX 7900 GRE", vendor: .amd, architecture: nil, computeCapability: nil, vramGiB: [16], llvmTarget: "gfx1100",
            source: "[P] system-requirements.rst: gfx1100; [S] ROCm/legacy-rocm-build#2391 architecture table: 16 GB")),
    ]

    private static func family(_ pattern: NamePattern, _ name: String, _ architecture: GPUModel.Architecture,
                               _ capability: ComputeCapability, _ source: String) -> Family {
        Family(pattern: pattern, model: GPUModel(name: name, architecture: architecture, computeCapability: capability,
                                                 isFamily: true, source: source))
    }

    private static let cmake = "pytorch select_compute_arch.cmake (docs/compatibility.md §2)"
    private static let knownFamilies: [Family] = [
        family(.numbered("GTX", series: "9", digits: 2), "GeForce GTX 900 series", .maxwell, ComputeCapability(5, 2),
               "GM20x = sm_52 (\(cmake)); [O] fixtures/09_lspci GTX 980M is GM204"),
        family(.numbered("GTX", series: "10", digits: 2), "GeForce GTX 10 series", .pascal, ComputeCapability(6, 1),
               "GP10x = sm_61 (\(cmake))"),
        family(.leadingWords(["P100"]), "Tesla P100", .pascal, ComputeCapability(6, 0), "GP100 = sm_60 (\(cmake))"),
        family(.leadingWords(["V100"]), "Tesla V100", .volta, ComputeCapability(7, 0), "GV100 = sm_70 (\(cmake))"),
        family(.numbered("GTX", series: "16", digits: 2), "GeForce GTX 16 series", .turing, ComputeCapability(7, 5),
               "Turing = 7.5 (docs/compatibility.md §2)"),
        family(.numbered("RTX", series: "20", digits: 2), "GeForce RTX 20 series", .turing, ComputeCapability(7, 5),
               "[O] RTX 2080 SUPER compute_cap 7.5 (docs/compatibility.md §2)"),
        family(.leadingWords(["T4"]), "Tesla T4", .turing, ComputeCapability(7, 5), "Turing (RTX 20xx, T4) = 7.5 (docs/compatibility.md §2)"),
        family(.leadingWords(["A100"]), "A100", .ampere, ComputeCapability(8, 0), "GA100 = sm_80 (docs/compatibility.md §2)"),
        family(.numbered("RTX", series: "30", digits: 2), "GeForce RTX 30 series", .ampere, ComputeCapability(8, 6),
               "GA10x = sm_86 (docs/compatibility.md §2)"),
        family(.numbered("RTX", series: "A", digits: 4), "RTX A-series workstation", .ampere, ComputeCapability(8, 6),
               "GA10x incl. RTX A5000/A6000 = sm_86 (docs/compatibility.md §2)"),
        family(.numbered("RTX", series: "40", digits: 2), "GeForce RTX 40 series", .ada, ComputeCapability(8, 9),
               "Ada = sm_89 (docs/compatibility.md §2)"),
        family(.leadingWords(["L4"]), "L4", .ada, ComputeCapability(8, 9), "Ada incl. L4 = sm_89 (docs/compatibility.md §2)"),
        family(.leadingWords(["L40"]), "L40", .ada, ComputeCapability(8, 9), "Ada incl. L40/L40S = sm_89 (docs/compatibility.md §2)"),
        family(.leadingWords(["L40S"]), "L40S", .ada, ComputeCapability(8, 9), "Ada incl. L40/L40S = sm_89 (docs/compatibility.md §2)"),
        family(.leadingWords(["H100"]), "H100", .hopper, ComputeCapability(9, 0), "Hopper = sm_90 (docs/compatibility.md §2)"),
        family(.leadingWords(["H200"]), "H200", .hopper, ComputeCapability(9, 0), "Hopper = sm_90 (docs/compatibility.md §2)"),
        family(.leadingWords(["B200"]), "B200", .blackwell, ComputeCapability(10, 0), "Blackwell DC = sm_100 (docs/compatibility.md §2)"),
        family(.leadingWords(["B300"]), "B300", .blackwell, ComputeCapability(10, 3), "Blackwell Ultra = sm_103 (docs/compatibility.md §2)"),
        family(.numbered("RTX", series: "50", digits: 2), "GeForce RTX 50 series", .blackwell, ComputeCapability(12, 0),
               "Blackwell consumer = sm_120 (docs/compatibility.md §2)"),
        family(.leadingWords(["RTX", "PRO", "6000", "BLACKWELL"]), "RTX PRO 6000 Blackwell", .blackwell, ComputeCapability(12, 0),
               "Blackwell workstation = sm_120 (docs/compatibility.md §2)"),
        family(.leadingWords(["GB10"]), "GB10 (DGX Spark)", .blackwell, ComputeCapability(12, 1), "GB10 = sm_121 (docs/compatibility.md §2)"),
        // Grace superchips (aarch64 hosts): developer.nvidia.com/cuda-gpus lists GH200 at 9.0 and GB200 at 10.0;
        // the MIG user guide (r610, Supported GPUs) lists "H100 on GH200" 9.0 96GB and GB200 10.0 186GB.
        family(.leadingWords(["GH200"]), "GH200 (Grace Hopper)", .hopper, ComputeCapability(9, 0),
               "NVIDIA CUDA GPUs page: GH200 = 9.0; MIG user guide: H100 on GH200, 9.0 (docs/compatibility.md §2)"),
        family(.leadingWords(["GB200"]), "GB200 (Grace Blackwell)", .blackwell, ComputeCapability(10, 0),
               "NVIDIA CUDA GPUs page: GB200 = 10.0; MIG user guide: GB200, 10.0 (docs/compatibility.md §2)"),
        family(.leadingWords(["GB300"]), "GB300 (Grace Blackwell Ultra)", .blackwell, ComputeCapability(10, 3),
               "NVIDIA CUDA GPUs page: GB300 = 10.3 (docs/compatibility.md §2)"),
    ]
}
