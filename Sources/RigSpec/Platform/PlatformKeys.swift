/// The keys that exist on one platform only, as located errors: a Mac has no PSU, BIOS, NVIDIA driver
/// or apt; a Linux machine has no Apple chip or Homebrew packages in rigctl's plans. The loader reports
/// them with the spec's other errors (docs/spec.md, "Platforms").
package enum PlatformKeys {
    package static func diagnostics(_ spec: MachineSpec) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func error(_ path: String, _ message: String) {
            found.append(Diagnostic(at: spec.locations.nearest(path) ?? SourceLocation(file: spec.file, line: 1, column: 1), message))
        }
        switch spec.os.profile.platform {
        case .macOS:
            if spec.os.declaredArchitecture == .amd64 {
                error("os.arch", "rigctl plans only Apple Silicon Macs (arch arm64); Intel Macs are not supported")
            }
            if !spec.parts.psus.isEmpty { error("parts.psu", "a Mac has no PSU to budget: remove parts.psu (its power supply is built in)") }
            if spec.parts.motherboard != nil { error("parts.motherboard", "a Mac has no motherboard to name: its model is parts.chip") }
            if !spec.parts.gpus.isEmpty {
                error("parts.gpus", "an Apple Silicon GPU is part of the chip: use parts.chip.gpu-cores, and parts.memory.size for its unified memory")
            }
            if spec.bios != nil { error("bios", "a Mac has no BIOS settings: remove bios (Apple Silicon boots through iBoot, with no setup screen)") }
            if spec.drivers?.nvidia != nil {
                error("drivers.nvidia", "NVIDIA drivers do not exist for Apple Silicon Macs: remove drivers.nvidia (the GPU is Apple's, programmed through Metal)")
            }
            if spec.drivers?.cuda != nil {
                error("drivers.cuda", "CUDA does not run on macOS (NVIDIA's last macOS CUDA was 10.2, for Intel Macs): remove drivers.cuda; MLX and PyTorch's MPS use the Apple GPU")
            }
            if spec.drivers?.rocm != nil {
                error("drivers.rocm", "ROCm is AMD's Linux GPU stack and does not run on macOS: remove drivers.rocm (MLX and PyTorch's MPS use the Apple GPU)")
            }
            if spec.containers != nil {
                error("containers", "containers installs Docker Engine and the NVIDIA Container Toolkit from apt repositories, which a Mac does not have: remove it (Docker Desktop for Mac comes as a Homebrew cask, in packages.casks)")
            }
            if spec.gpuSettings != nil { error("gpu-settings", "gpu-settings set NVIDIA power limits and persistence, which a Mac does not have") }
            if !spec.packages.apt.isEmpty { error("packages.apt", "apt does not exist: use packages.brew (Homebrew formulae) or packages.casks") }
            if let torch = spec.python?.torch, torch.cuda != nil {
                // pytorch.org "Start Locally", Mac: "CUDA is not available on MacOS, please use default package".
                error("python.torch.cuda", "PyTorch has no CUDA wheels for macOS: write cuda: cpu (the macOS wheels use the Apple GPU through MPS)")
            }
        case .linux:
            let linux = "on \(spec.os.distro.rawValue)"
            if spec.parts.chip != nil { error("parts.chip", "parts.chip is an Apple Silicon Mac's chip; \(linux) name parts.cpu and parts.gpus") }
            if !spec.packages.brew.isEmpty { error("packages.brew", "Homebrew formulae are planned only on macos; \(linux) use packages.apt") }
            if !spec.packages.casks.isEmpty { error("packages.casks", "Homebrew casks are macOS applications; \(linux) use packages.apt") }
        }
        return found
    }
}
