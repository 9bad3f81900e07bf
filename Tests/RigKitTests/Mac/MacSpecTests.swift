import Testing
import FoundationEssentials
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigFit

/// A macOS spec: what it may say, how the audit compares it with a replayed Mac, the compatibility
/// rules that are the Mac's own, and unified memory in `fit`.
@Suite struct MacSpecTests {
    static let studio = """
        version: 1
        hostname: mac-studio
        os: { distro: macos, release: "15" }
        parts:
          chip: { model: Apple M2 Ultra, cpu-cores: 24, gpu-cores: 60 }
          memory: { size: 64 GiB }
        packages:
          brew: [git, homebrew/cask-fonts/font-fira-code]
          casks: [iterm2]

        """

    func spec(_ yaml: String = MacSpecTests.studio) throws -> MachineSpec { try AuditSamples.spec(yaml, name: "mac-studio") }

    func errors(_ yaml: String) -> [String] {
        do { _ = try spec(yaml); return [] } catch let error as SpecError {
            return error.diagnostics.map(\.description)
        } catch { return ["\(error)"] }
    }

    @Test func aMacSpecLoadsWithAppleSiliconDefaults() throws {
        let spec = try spec()
        #expect(spec.os.architecture == .arm64)
        #expect(spec.parts.chip == MachineSpec.Chip(model: "Apple M2 Ultra", cpuCores: 24, gpuCores: 60))
        #expect(spec.packages.brew == ["git", "homebrew/cask-fonts/font-fira-code"])
        #expect(spec.packages.casks == ["iterm2"])
    }

    @Test func linuxOnlyKeysAreLocatedErrorsOnAMac() {
        let found = errors(Self.studio + """
            drivers:
              nvidia: { version: "570", flavor: open }
            gpu-settings: { persistence: true }
            python:
              version: "3.12"
              torch: { version: "2.7", cuda: "12.8" }

            """)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("machines/mac-studio.yaml:11:3: error: NVIDIA drivers do not exist for Apple Silicon Macs") })
        #expect(found.contains { $0.hasPrefix("machines/mac-studio.yaml:12:1: error: gpu-settings") })
        #expect(found.contains { $0.contains("python.torch.cuda") || $0.contains("PyTorch has no CUDA wheels for macOS") })
        #expect(errors(Self.studio + "python:\n  version: \"3.12\"\n  torch: { version: \"2.7\", cuda: cpu }\n").isEmpty)
    }

    @Test func rocmAndContainersAreLinuxStacks() {
        let found = errors(Self.studio + "containers: { engine: docker }\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("machines/mac-studio.yaml:10:1: error: containers") == true)
        #expect(found.first?.contains("Docker Engine and the NVIDIA Container Toolkit from apt repositories") == true)
    }

    @Test func macOnlyKeysAreLocatedErrorsOnLinux() {
        let found = errors("""
            version: 1
            hostname: box
            os: { distro: ubuntu, release: "24.04" }
            parts:
              chip: { model: Apple M2 Ultra }
            packages:
              casks: [iterm2]

            """)
        #expect(found == [
            "machines/mac-studio.yaml:5:3: error: parts.chip is an Apple Silicon Mac's chip; on ubuntu name parts.cpu and parts.gpus",
            "machines/mac-studio.yaml:7:3: error: Homebrew casks are macOS applications; on ubuntu use packages.apt",
        ])
    }

    @Test func theAuditComparesTheChipMemoryAndPackages() async throws {
        let spec = try spec()
        let host = try ReplaySystem(directory: try Fixture.host("mac-studio"))
        let facts = await ProbeRunner.probe(FactNeeds.groups(for: spec), on: host)
        let findings = audit(spec, facts: facts)
        func status(_ key: SpecKeyPath) -> Finding.Status? { findings.first { $0.keyPath == key }?.status }
        #expect(status("os.distro") == .ok)
        #expect(status("os.release") == .ok)
        #expect(status("parts.chip.model") == .ok)
        #expect(status("parts.chip.cpu-cores") == .ok)
        #expect(status("parts.chip.gpu-cores") == .ok)
        #expect(status("parts.memory.size") == .ok)
        #expect(status("packages.brew[0]") == .missing)
        #expect(status("packages.brew[1]") == .missing)
        #expect(status("packages.casks[0]") == .missing)

        var installed = facts
        installed.packages = .value([PackageFacts(name: "font-fira-code", version: "6.2"), PackageFacts(name: "git", version: "2.49.0")])
        installed.casks = .value([PackageFacts(name: "iterm2", version: "3.5.13")])
        installed.chip?.gpuCores = .value(76)
        let after = audit(spec, facts: installed)
        #expect(after.first { $0.keyPath == "packages.brew[1]" }?.status == .ok)
        #expect(after.first { $0.keyPath == "packages.casks[0]" }?.status == .ok)
        #expect(after.first { $0.keyPath == "parts.chip.gpu-cores" }?.message == "the GPU cores is 76, the spec wants 60")
    }

    @Test func aMacReleaseNamesItsMajorVersion() async throws {
        let facts = await ProbeRunner.probe([.os], on: try ReplaySystem(directory: try Fixture.host("mac-studio")))
        let fourteen = try spec(Self.studio.replacing(#"release: "15""#, with: #"release: "14""#))
        let finding = try #require(OSCheck().findings(fourteen, facts, AuditContext(spec: fourteen)).first { $0.keyPath == "os.release" })
        #expect(finding.status == .drift)
    }

    @Test func mlxNeedsMacOS14AndPython310OrALinuxExtra() throws {
        let python = "python:\n  version: \"3.12\"\n  path: /Users/Shared/ml/venv\n  packages: [mlx, mlx-lm]\n"
        #expect(MLXPlatform().check(try spec(Self.studio + python)).isEmpty)
        let old = try spec(Self.studio.replacing(#"release: "15""#, with: #"release: "13""#) + python)
        #expect(MLXPlatform().check(old).map(\.message) == ["MLX needs macOS 14.0 or newer (MLX install guide); the spec names macOS 13"])
        let oldPython = try spec(Self.studio + python.replacing("3.12", with: "3.9"))
        #expect(MLXPlatform().check(oldPython).map(\.keyPath) == ["python.version"])
        let linux = try AuditSamples.spec(body: "python:\n  version: \"3.12\"\n  packages: [\"mlx>=0.25\", \"mlx[cuda12]\"]\n")
        #expect(MLXPlatform().check(linux).map(\.keyPath) == ["python.packages[0]"])
        #expect(MLXPlatform().check(linux).first?.status == .incompatible)
    }

    @Test func unifiedMemoryIsOnePoolWithMacOSsGPULimit() throws {
        let machine = FitMachine(spec: try spec())
        #expect(machine.gpus.count == 1)
        #expect(machine.gpus.first?.vramBytes == 48 * FitFormat.gib)
        #expect(machine.ramBytes == nil)
        #expect(UnifiedMemory.gpuLimit(ofInstalled: 128 * FitFormat.gib) == 96 * FitFormat.gib)
        #expect(UnifiedMemory.gpuLimit(ofInstalled: 36 * FitFormat.gib) == 24 * FitFormat.gib)
        #expect(UnifiedMemory.gpuLimit(ofInstalled: 16 * FitFormat.gib) == 16 * FitFormat.gib * 2 / 3)
        // The verdict names the pool, not a GPU.
        let workload = MachineSpec.Workload(name: "chat", model: "llama-3.1-70b", mode: .inference, precision: .int4)
        let verdict = FitPlanner.judge(MemoryEstimator.estimate(try WorkloadResolver.resolve(workload).get()), on: machine)
        #expect(verdict.headline == "fits in unified memory", "\(verdict.message)")
        let withoutMemory = FitMachine(spec: try spec("version: 1\nhostname: m\nos: { distro: macos, release: \"15\" }\nparts:\n  chip: { model: Apple M4 }\n"))
        #expect(withoutMemory.gpus.isEmpty)
        #expect(withoutMemory.unsized == ["parts.memory.size (the chip's unified memory)"])
    }
}
