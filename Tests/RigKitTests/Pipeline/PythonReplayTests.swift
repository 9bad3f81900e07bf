import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigKit

/// The Python layer on the replayed compute-node: the interpreter's own report (one JSON line from
/// `PythonProber.script`) as committed, then edited into each broken state.
@Suite struct PythonReplayTests {
    private func findings(_ repo: ExampleRepo) async throws -> [SpecKeyPath: Finding] {
        let report = try await AuditSamples.pipeline(repo.path).diff("compute-node", source: .replay(repo.host("compute-node"))).get()
        return Dictionary(report.findings.filter { $0.keyPath.rawValue.hasPrefix("python") }.map { ($0.keyPath, $0) }) { first, _ in first }
    }

    private func report(_ repo: ExampleRepo, _ json: String) throws {
        try (json + "\n").write(toFile: repo.host("compute-node") + "/commands/python-13.out", atomically: true, encoding: .utf8)
    }

    @Test func theCommittedEnvironmentMatches() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        let found = try await findings(repo)
        #expect(found.keys.sorted() == ["python.torch", "python.torch.cuda", "python.torch.version", "python.version"])
        #expect(found.values.allSatisfy { $0.status == .ok }, "\(found.values.map(\.message))")
        #expect(found["python.torch"]?.message == "torch sees 1 GPU")
    }

    @Test func cpuWheelsInstalledOnTheGPUMachine() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try report(repo, #"{"python": "3.12.3", "torch": "2.7.1+cpu", "cuda": null, "available": false, "devices": 0}"#)
        let found = try await findings(repo)
        #expect(found["python.torch.cuda"]?.status == .drift)
        #expect(found["python.torch.cuda"]?.message == "the CUDA torch was built for is CPU-only, the spec wants CUDA 12.8 (cu128)")
        #expect(found["python.torch"]?.message == "torch.cuda.is_available() is false on a machine with NVIDIA GPUs: the CPU-only wheels are installed")
        #expect(found["python.torch.version"]?.status == .ok)
    }

    @Test func cudaWheelsThatCannotReachTheDriver() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try report(repo, #"{"python": "3.12.3", "torch": "2.7.1+cu128", "cuda": "12.8", "available": false, "devices": 0}"#)
        let found = try await findings(repo)
        #expect(found["python.torch"]?.severity == .error)
        #expect(found["python.torch"]?.message.contains("Driver/library version mismatch") == true)
        #expect(found["python.torch.cuda"]?.status == .ok)
    }

    @Test func anotherInterpreterAndTorch() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try report(repo, #"{"python": "3.10.12", "torch": "2.5.1+cu124", "cuda": "12.4", "available": true, "devices": 1}"#)
        let found = try await findings(repo)
        #expect(found["python.version"]?.message == "the Python of /opt/ml/venv is 3.10.12, the spec wants 3.12")
        #expect(found["python.torch.version"]?.status == .drift)
        #expect(found["python.torch.cuda"]?.status == .drift)
    }

    @Test func torchAbsentIsUnknownWithTheReason() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try report(repo, #"{"python": "3.12.3", "torchError": "ModuleNotFoundError: No module named 'torch'"}"#)
        let found = try await findings(repo)
        #expect(found["python.version"]?.status == .ok)
        #expect(found["python.torch.version"]?.status == .unknown)
        #expect(found["python.torch.version"]?.message == "cannot check torch in /opt/ml/venv: torch is not importable in /opt/ml/venv: ModuleNotFoundError: No module named 'torch'")
    }

    @Test func noEnvironmentAtAll() async throws {
        let repo = try ExampleRepo(withHosts: ["compute-node"])
        defer { repo.remove() }
        try repo.edit("build-logs/compute-node/recorded-host/commands/index.json", "\"/opt/ml/venv/bin/python\"", "\"/opt/ml/other/bin/python\"")
        let found = try await findings(repo)
        #expect(found["python.version"]?.message == "cannot check the Python of /opt/ml/venv: no environment at /opt/ml/venv (/opt/ml/venv/bin/python not found)")
    }
}
