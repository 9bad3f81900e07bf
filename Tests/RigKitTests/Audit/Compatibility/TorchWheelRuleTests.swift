import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit

/// The PyTorch wheel rules on specs loaded by the real loader: each passes and fails.
@Suite struct TorchWheelRuleTests {
    private func spec(gpu: String, driver: String = "570", torch: String, cuda: String) throws -> MachineSpec {
        try AuditSamples.spec(body: """
            parts: { gpus: [ { model: \(gpu) } ] }
            drivers: { nvidia: { version: "\(driver)", flavor: open } }
            python: { version: "3.12", torch: { version: "\(torch)", cuda: "\(cuda)" } }

            """)
    }

    private let architectures = TorchWheelArchitectures()
    private let driver = TorchWheelDriver()

    @Test func blackwellNeedsTheCu128Wheels() throws {
        #expect(architectures.check(try spec(gpu: "NVIDIA GeForce RTX 5070 Ti", torch: "2.7", cuda: "12.8")).isEmpty)
        let old = architectures.check(try spec(gpu: "NVIDIA GeForce RTX 5070 Ti", torch: "2.7", cuda: "12.6"))
        #expect(old.map(\.keyPath) == ["parts.gpus[0].model"])
        #expect(old.first?.severity == .error)
        #expect(old.first?.message.hasPrefix("PyTorch 2.7 cu126 wheels carry no code for GeForce RTX 5070 Ti (Blackwell, sm_120)") == true, "\(old)")
        #expect(old.first?.message.hasSuffix("; PyTorch 2.7 cu128 has it") == true)
    }

    @Test func adaRunsTheAmpereCubins() throws {
        // sm_89 runs sm_86 code (same major): no finding on cu126.
        #expect(architectures.check(try spec(gpu: "NVIDIA GeForce RTX 4090", torch: "2.7", cuda: "12.6")).isEmpty)
        // Maxwell (sm_52) is gone from cu128.
        #expect(architectures.check(try spec(gpu: "NVIDIA GeForce GTX 980", torch: "2.7", cuda: "12.8")).count == 1)
    }

    @Test func aVariantTheReleaseDoesNotShip() throws {
        let found = architectures.check(try spec(gpu: "NVIDIA GeForce RTX 3090", torch: "2.7", cuda: "12.4"))
        #expect(found.map(\.message) == ["PyTorch 2.7 has no cu124 wheels (it ships cu118, cu126, cu128)"])
        #expect(found.map(\.keyPath) == ["python.torch.cuda"])
    }

    @Test func unknownReleasesAndUnmeasuredVariantsAreWarnings() throws {
        #expect(architectures.check(try spec(gpu: "NVIDIA GeForce RTX 3090", torch: "1.13", cuda: "11.7")).map(\.status) == [.unknown])
        // A release whose variants are known but whose cubins are not measured.
        var table = TorchWheelTable.standard.releases
        table.append(TorchWheelTable.Release(torch: Version("2.99")!, variants: [Version("13.0")!], architectures: [:]))
        let unmeasured = TorchWheelArchitectures(table: TorchWheelTable(releases: table))
            .check(try spec(gpu: "NVIDIA GeForce RTX 3090", torch: "2.99", cuda: "13.0"))
        #expect(unmeasured.map(\.status) == [.unknown])
        #expect(unmeasured.map(\.severity) == [.warning])
    }

    @Test func theCUDA13WheelsDropVolta() throws {
        // 2.9 and 2.10: cu130 starts at Turing (sm_75); cu126 and cu128 still carry sm_70.
        for torch in ["2.9", "2.10"] {
            let v100 = architectures.check(try spec(gpu: "Tesla V100-SXM2-32GB", torch: torch, cuda: "13.0"))
            #expect(v100.map(\.severity) == [.error], "\(torch)")
            #expect(v100.first?.message.hasPrefix("PyTorch \(torch) cu130 wheels carry no code for") == true, "\(v100)")
            #expect(architectures.check(try spec(gpu: "Tesla V100-SXM2-32GB", torch: torch, cuda: "12.8")).isEmpty)
            #expect(architectures.check(try spec(gpu: "NVIDIA GeForce RTX 5070 Ti", torch: torch, cuda: "13.0")).isEmpty)
        }
    }

    @Test func torch28DropsPascalFromCu128() throws {
        // sm_61 (GTX 1080) runs the sm_60 cubins of cu126, but cu128/cu129 start at Volta.
        #expect(architectures.check(try spec(gpu: "NVIDIA GeForce GTX 1080", torch: "2.8", cuda: "12.6")).isEmpty)
        let pascal = architectures.check(try spec(gpu: "NVIDIA GeForce GTX 1080", torch: "2.8", cuda: "12.9"))
        #expect(pascal.map(\.severity) == [.error])
        #expect(pascal.first?.message.contains("(they have sm_70, sm_75, sm_80, sm_86, sm_90, sm_100, sm_120)") == true, "\(pascal)")
    }

    @Test func torch210HasNoCu129() throws {
        let found = architectures.check(try spec(gpu: "NVIDIA GeForce RTX 3090", torch: "2.10", cuda: "12.9"))
        #expect(found.map(\.message) == ["PyTorch 2.10 has no cu129 wheels (it ships cu126, cu128, cu130)"])
    }

    @Test func cpuWheelsOnAGPUMachine() throws {
        let found = architectures.check(try spec(gpu: "NVIDIA GeForce RTX 3090", torch: "2.7", cuda: "cpu"))
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.hasPrefix("the CPU-only PyTorch wheels on a machine with an NVIDIA GPU") == true)
        let noGPU = try AuditSamples.spec(body: "python: { version: \"3.12\", torch: { version: \"2.7\", cuda: cpu } }\n")
        #expect(architectures.check(noGPU).isEmpty)
    }

    @Test func theDriverMustRunTheWheelsCUDA() throws {
        #expect(driver.check(try spec(gpu: "NVIDIA GeForce RTX 3090", driver: "570", torch: "2.7", cuda: "12.8")).isEmpty)
        let old = driver.check(try spec(gpu: "NVIDIA GeForce RTX 3090", driver: "470", torch: "2.7", cuda: "12.8"))
        #expect(old.map(\.severity) == [.error])
        #expect(old.first?.message.hasPrefix("the PyTorch cu128 wheels bring CUDA 12.8") == true)
        // 535 runs CUDA 12.x under minor-version compatibility: a warning for 12.8.
        #expect(driver.check(try spec(gpu: "NVIDIA GeForce RTX 3090", driver: "535", torch: "2.7", cuda: "12.8")).map(\.severity) == [.warning])
    }

    @Test func examplesPass() throws {
        for name in ["compute-node", "workstation", "big-rig"] {
            let machine = try AuditSamples.machine(name)
            #expect(machine.python?.torch?.variant == "cu128")
            #expect(architectures.check(machine).isEmpty && driver.check(machine).isEmpty, "\(name)")
        }
    }
}
