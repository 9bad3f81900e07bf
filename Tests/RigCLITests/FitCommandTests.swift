import Foundation
import Testing
@testable import RigCLI

/// `rigctl fit`: exit 0 when it fits, 1 when it does not, 2 for a spec that cannot be used, 64 for usage.
@Suite struct FitCommandTests {
    static let repo = ["--repo", Repo.root]

    @Test func specWorkloadsAllFit() async {
        let run = await Rigctl.run(["fit", "big-rig"] + Self.repo)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("big-rig: chat (qwen2.5-72b inference int4, 32768 tokens × 1): fits split over 3 GPUs\n"))
        #expect(run.stdout.contains("big-rig: custom-slm (custom train bf16, 2048 tokens × 16): fits on one GPU\n"))
    }

    @Test func oneModelDoesNotFitExitsOne() async {
        let run = await Rigctl.run(["fit", "compute-node", "--model", "qwen2.5-72b", "--precision", "bf16", "--mode", "inference"] + Self.repo)
        #expect(run.status == 1)
        #expect(run.stdout.contains(": does not fit\n"))
        #expect(run.stdout.contains("needs 119.3 GiB of RAM with 4 GiB for the system, the machine has 32.0 GiB"))
    }

    /// The README's run, word for word.
    @Test func readmeRunIsReal() async throws {
        let run = await Rigctl.run(["fit", "big-rig", "--model", "llama-3.1-70b", "--precision", "int4", "--mode", "inference", "--context", "32768"] + Self.repo)
        #expect(run.status == 0)
        let readme = try String(contentsOfFile: Repo.root + "/README.md", encoding: .utf8)
        #expect(readme.contains(run.stdout))
    }

    @Test func partsOnTheCommandLine() async {
        let fits = await Rigctl.run(["fit", "--gpu", "2x RTX 4090", "--ram", "64 GiB", "--pcie", "x4:16GT/s", "--model", "llama-3.1-70b",
                                     "--precision", "int4", "--context", "8192"])
        #expect(fits.status == 0)
        #expect(fits.stdout.contains("fits split over 2 GPUs"))
        #expect(fits.stdout.contains("slowest link x4 PCIe 4.0 (7.9 GB/s)"))
        let custom = await Rigctl.run(["fit", "--gpu", "Tesla T4,16 GB", "--layers", "24", "--hidden", "1024", "--parameters", "350M",
                                       "--mode", "train", "--precision", "bf16"])
        #expect(custom.status == 0)
        #expect(custom.stdout.contains("custom train bf16"))
        let small = await Rigctl.run(["fit", "--gpu", "RTX A6000,48 GiB", "--model", "llama-3.1-70b", "--mode", "finetune", "--precision", "bf16"])
        #expect(small.status == 1)
    }

    @Test func usageErrors() async {
        #expect(await exitCode(of: ["fit", "--gpu", "Mystery GPU", "--model", "mistral-7b"]) == 64)
        #expect(await exitCode(of: ["fit", "compute-node", "--gpu", "RTX 4090", "--model", "mistral-7b"] + Self.repo) == 64)
        #expect(await exitCode(of: ["fit", "compute-node", "--model", "llama-9"] + Self.repo) == 64)
        #expect(await exitCode(of: ["fit", "compute-node", "--model", "mistral-7b", "--mode", "train", "--precision", "int4"] + Self.repo) == 64)
        #expect(await exitCode(of: ["fit", "--gpu", "RTX 4090", "--pcie", "x64", "--model", "mistral-7b"]) == 64)
        #expect(await exitCode(of: ["fit", "--gpu", "RTX 4090", "--ram", "lots", "--model", "mistral-7b"]) == 64)
        #expect(await exitCode(of: ["fit", "compute-node", "--context", "0", "--model", "mistral-7b"] + Self.repo) == 64)
    }

    /// A draft of a machine not built yet: any spec file, judged by the same validator.
    @Test func draftSpecOutsideMachines() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-fit-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("drafts/new-box.yaml").path
        try """
        version: 1
        hostname: new-box
        os: { distro: ubuntu, release: "24.04" }
        parts:
          memory: { size: 128 GiB }
          gpus: [{ model: NVIDIA GeForce RTX 4090, count: 2 }]
        workloads:
          - { name: chat, model: qwen2.5-72b, mode: inference, precision: int4, context: 8192 }
        """.write(toFile: draft, atomically: true, encoding: .utf8)
        let run = await Rigctl.run(["fit", draft])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("new-box: chat (qwen2.5-72b inference int4, 8192 tokens × 1): fits split over 2 GPUs"))
        try "version: 1\nhostname: new-box\nos: { distro: ubuntu, release: \"24.04\" }\nworkloads:\n  - { name: x, model: nope, mode: inference, precision: bf16 }\n"
            .write(toFile: draft, atomically: true, encoding: .utf8)
        let bad = await Rigctl.run(["fit", draft])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("new-box.yaml:5:16: error: workload 'x' unknown model 'nope'"))
    }

    @Test func jsonCarriesTheTerms() async throws {
        let run = await Rigctl.run(["fit", "compute-node", "--format", "json"] + Self.repo)
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? Int == 1)
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        #expect(workloads.map { $0["name"] as? String } == ["weekly-finetune", "chat"])
        #expect(workloads.allSatisfy { $0["fits"] as? Bool == true && ($0["terms"] as? [Any])?.isEmpty == false })
    }

    @Test func listModelsNamesSources() async {
        let run = await Rigctl.run(["fit", "--list-models"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 9)
        #expect(run.stdout.contains("mixtral-8x7b  46.7B parameters (8 experts, 2 per token: 12.9B active), 32 layers,"))
        #expect(run.stdout.contains("llama-3.1-8b  8.03B parameters, 32 layers, hidden 4096, 32 heads (8 KV), context 131072  https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json"))
    }
}
