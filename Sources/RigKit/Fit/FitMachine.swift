import RigSpec
import RigAudit

/// The parts a fit is judged against: GPUs with their memory and expected links, and system RAM.
/// Built from a spec, or from parts given on the command line for a machine not yet built.
package struct FitMachine: Sendable, Equatable {
    /// Where an Apple Silicon Mac's one pool is named: its chip (the GPU and the CPU share its memory).
    package static let unifiedMemoryPlace = "parts.chip"

    package struct GPU: Sendable, Equatable {
        /// `NVIDIA GeForce RTX 3090`
        package var model: String
        package var vramBytes: Double
        /// Where the card is written: `parts.gpus[0]` (with `#2` for the third card of a `count: 5` entry).
        package var place: String
        package var link: MachineSpec.PCIeLink?
        package init(model: String, vramBytes: Double, place: String, link: MachineSpec.PCIeLink? = nil) {
            self.model = model
            self.vramBytes = vramBytes
            self.place = place
            self.link = link
        }
    }

    package var name: String
    package var gpus: [GPU]
    /// GPUs whose memory is not known (no `vram:` and not in rigctl's GPU table), by place.
    package var unsized: [String]
    package var ramBytes: Double?

    package init(name: String, gpus: [GPU], unsized: [String] = [], ramBytes: Double?) {
        self.name = name
        self.gpus = gpus
        self.unsized = unsized
        self.ramBytes = ramBytes
    }

    /// The spec's GPUs (each `count:` expanded), VRAM as written or from `GPUCatalog` when the model ships in one size.
    package init(spec: MachineSpec, catalog: GPUCatalog = .standard) {
        self.init(spec: spec, catalogVRAM: { index in Self.catalogVRAM(spec.parts.gpus[index].model, catalog: catalog) })
    }

    /// The same, with the spec's GPUs as the compatibility rules looked them up in `catalog`.
    package init(spec: MachineSpec, catalog: GPUCatalog, lookups: SpecLookups) {
        let cataloged = lookups.catalogedGPUs(catalog)
        self.init(spec: spec, catalogVRAM: { index in Self.singleSize(cataloged[index].model) })
    }

    /// `catalogVRAM(index)`: the catalog's VRAM of the GPU entry at `index`, asked only for an entry without `vram:`.
    private init(spec: MachineSpec, catalogVRAM: (Int) -> Double?) {
        var gpus: [GPU] = []
        var unsized: [String] = []
        for (index, entry) in spec.parts.gpus.enumerated() {
            let vram = entry.vram?.value ?? catalogVRAM(index)
            for card in 0..<entry.count {
                let place = entry.count == 1 ? "parts.gpus[\(index)]" : "parts.gpus[\(index)] #\(card + 1)"
                if let vram { gpus.append(GPU(model: entry.model, vramBytes: vram, place: place, link: entry.pcie)) } else { unsized.append(place) }
            }
        }
        if let chip = spec.parts.chip {
            // Unified memory: one pool. The GPU may hold up to macOS's wired limit of it; what is left is
            // macOS's and the CPU's, so there is no separate RAM to offload to.
            guard let memory = spec.parts.memory?.size.value else {
                self.init(name: spec.name, gpus: [], unsized: ["parts.memory.size (the chip's unified memory)"], ramBytes: nil)
                return
            }
            let gpu = GPU(model: "\(chip.model) (unified memory)", vramBytes: UnifiedMemory.gpuLimit(ofInstalled: memory), place: FitMachine.unifiedMemoryPlace)
            self.init(name: spec.name, gpus: [gpu], unsized: [], ramBytes: nil)
            return
        }
        self.init(name: spec.name, gpus: gpus, unsized: unsized, ramBytes: spec.parts.memory?.size.value)
    }

    /// The VRAM of a GPU model that comes in one size only (vendors' "24 GB" is 24 GiB).
    package static func catalogVRAM(_ model: String, catalog: GPUCatalog = .standard) -> Double? {
        singleSize(catalog.lookup(model))
    }

    /// The VRAM of `known` when it is an exact model that comes in one size.
    static func singleSize(_ known: GPUModel?) -> Double? {
        guard let known, !known.isFamily, known.vramGiB.count == 1 else { return nil }
        return known.vramGiB[0] * FitFormat.gib
    }
}

/// An Apple Silicon Mac's unified memory, shared by the CPU and the GPU. macOS lets the GPU wire at
/// most part of it: Metal's `MTLDevice.recommendedMaxWorkingSetSize`, which reports about 75 % of RAM
/// on Macs with more than 36 GB (96 GB of 128 GB on an M1 Ultra, 48 GB of 64 GB) and about two thirds
/// on smaller ones (21–24 GB of 32 GB) — reported by Ollama and llama.cpp users (stencel.io, "Apple
/// silicon limitations with usage on local LLM"; thinkdifferent.blog on `iogpu.wired_limit_mb`); the
/// sysctl `iogpu.wired_limit_mb` raises it. The rest is macOS's and the CPU's reserve.
package enum UnifiedMemory {
    /// Above this much RAM the GPU may wire 75 %, at or below it two thirds.
    package static let largeMachineBytes = 36 * FitFormat.gib

    /// The memory a Metal workload may use by default on a Mac with `installed` bytes.
    package static func gpuLimit(ofInstalled installed: Double) -> Double {
        installed > largeMachineBytes ? installed * 0.75 : installed * 2 / 3
    }
}

/// Bandwidth of a PCIe link, one direction, after line encoding (PCI-SIG: 2.5 and 5 GT/s use
/// 8b/10b, 8 to 32 GT/s 128b/130b; 64 GT/s FLIT mode carries 242 of 256 bytes).
package enum PCIeBandwidth {
    /// Bytes per second per lane at `gigatransfers` GT/s.
    package static func perLane(gigatransfers: Double) -> Double {
        let efficiency = gigatransfers <= 5 ? 0.8 : gigatransfers <= 32 ? 128.0 / 130 : 242.0 / 256
        return gigatransfers * 1e9 * efficiency / 8
    }

    /// Bytes per second of `width` lanes.
    package static func link(width: Int, gigatransfers: Double) -> Double { Double(width) * perLane(gigatransfers: gigatransfers) }

    /// `PCIe 4.0` for 16 GT/s.
    package static func generation(gigatransfers: Double) -> String? {
        [2.5: "1.0", 5: "2.0", 8: "3.0", 16: "4.0", 32: "5.0", 64: "6.0"][gigatransfers].map { "PCIe \($0)" }
    }
}
