import Foundation
import Testing
@testable import RigSpec

@Suite struct SpecLoaderTests {
    @Test func examplesLoadWithTheirIncludes() throws {
        let files = try SpecLoader.machineFiles(in: TestFixtures.machines)
        let loaded = SpecLoader.fromDisk().loadAll(files)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.specs.map(\.name) == ["big-rig", "compute-node", "dgx-spark", "instinct-node", "mac-studio", "rented-h100", "rocm-desktop", "workstation"])

        let node = try #require(loaded.specs.first { $0.name == "compute-node" })
        #expect(node.hostname == "compute-node")
        #expect(node.role == .headless)
        #expect(node.os == .init(distro: .ubuntu, release: "22.04"))
        #expect(node.ssh == .init(host: "compute-node.local", user: "me"))
        #expect(node.parts.cpu?.cores == 6 && node.parts.cpu?.threads == 12)
        #expect(node.parts.memory?.size.value == 34_359_738_368)
        #expect(node.parts.gpus.map(\.model) == ["NVIDIA GeForce RTX 3090"])
        #expect(node.parts.gpus.first?.power?.value == 350)
        #expect(node.parts.storage.first?.size.value == 1e12)
        #expect(node.drivers?.nvidia == .init(version: VersionConstraint("570")!, flavor: .open))
        #expect(node.drivers?.cuda == VersionConstraint("12.8"))
        // gpu-settings merges: persistence from the stack, power-limit from the machine.
        #expect(node.gpuSettings == .init(powerLimit: Quantity.watts(300).withText("300 W"), persistence: true))
        #expect(node.packages.apt.first?.name == "build-essential")
        #expect(node.theme?.background.hex == "#0b2540")

        let rig = try #require(loaded.specs.first { $0.name == "big-rig" })
        #expect(rig.parts.gpuCount == 5)
        #expect(rig.parts.psus.map(\.power.value) == [1600, 1600])

        let workstation = try #require(loaded.specs.first { $0.name == "workstation" })
        #expect(workstation.packages.apt.map(\.name).suffix(2) == ["vim", "fonts-firacode"])
        #expect(workstation.bios?.settings.first == .init(name: "above-4g-decoding", value: "enabled"))
    }

    @Test func locationsPointAtKeysInTheRightFile() throws {
        let spec = try SpecLoader.fromDisk().load(file: TestFixtures.machines + "/compute-node.yaml").get()
        let driver = try #require(spec.locations["drivers.nvidia.version"])
        #expect(driver.file.hasSuffix("machines/compute-node.yaml"))
        #expect(driver.line == 26 && driver.column == 13)
        let persistence = try #require(spec.locations["gpu-settings.persistence"])
        #expect(persistence.file.hasSuffix("machines/stacks/ml-base.yaml"))
        #expect(spec.locations.nearest("parts.gpus[0].vram.extra") == spec.locations["parts.gpus[0].vram"])
    }

    @Test func mergeRules() throws {
        let fragment = """
        packages: { apt: [tmux, htop] }
        description: from the fragment
        gpu-settings: { persistence: false, power-limit: 200 W }
        """
        let machine = """
        version: 1
        include: [stack.yaml]
        hostname: box
        os: { distro: ubuntu, release: "22.04" }
        description: from the machine
        packages: { apt: [htop, jq] }
        gpu-settings: { persistence: true }
        """
        let spec = try TestFixtures.load(machine, files: ["/specs/stack.yaml": fragment]).get()
        #expect(spec.packages.apt.map(\.name) == ["tmux", "htop", "jq"])   // concatenated, no duplicates
        #expect(spec.description == "from the machine")                    // scalars: the including file wins
        #expect(spec.gpuSettings?.persistence == true)                      // maps merge key by key
        #expect(spec.gpuSettings?.powerLimit?.value == 200)
    }

    @Test func everyProblemInEveryFileAtOnce() {
        let loaded = SpecLoader(readFile: [
            "/a.yaml": "version: 1\nhostname: a_b\nos: { distro: ubuntu, release: \"22.04\" }\n",
            "/b.yaml": "version: 1\nhostname: b\nos: { distro: fedora, release: \"22.04\" }\nextra: 1\n",
        ].index).loadAll(["/a.yaml", "/b.yaml"])
        #expect(loaded.specs.isEmpty)
        #expect(loaded.diagnostics.map(\.location.description) == ["/a.yaml:2:11", "/b.yaml:3:15", "/b.yaml:4:1"])
    }

    /// Machines naming the same include-free fragments share their merge (one loader): each gets the
    /// same spec and the same merge problems as a loader of its own would give, and a machine naming
    /// them in another order, or a fragment that itself includes, is merged afresh.
    @Test func sharedFragmentMergesGiveEachMachineTheSameAnswer() {
        let machine = { (name: String, includes: String) in
            "version: 1\ninclude: [\(includes)]\nhostname: \(name)\nos: { distro: ubuntu, release: \"22.04\" }\n"
        }
        let files = [
            "/r/machines/a.yaml": machine("a", "stacks/one.yaml, stacks/two.yaml"),
            "/r/machines/b.yaml": machine("b", "stacks/one.yaml, stacks/two.yaml"),
            "/r/machines/c.yaml": machine("c", "stacks/two.yaml, stacks/one.yaml"),
            "/r/machines/d.yaml": machine("d", "stacks/nested.yaml, stacks/two.yaml"),
            "/r/machines/e.yaml": machine("e", "stacks/one.yaml, stacks/clash.yaml"),
            "/r/machines/f.yaml": machine("f", "stacks/one.yaml, stacks/clash.yaml"),
            "/r/machines/stacks/one.yaml": "packages: { apt: [tmux, htop] }\ngpu-settings: { persistence: true }\n",
            "/r/machines/stacks/two.yaml": "packages: { apt: [htop, jq] }\ngpu-settings: { power-limit: 200 W }\n",
            "/r/machines/stacks/nested.yaml": "include: [one.yaml]\npackages: { apt: [git] }\n",
            "/r/machines/stacks/clash.yaml": "packages: [git]\n",
        ]
        let names = ["a", "b", "c", "d", "e", "f"].map { "/r/machines/\($0).yaml" }
        let shared = SpecLoader(readFile: files.index)
        for name in names + names {
            let alone = SpecLoader(readFile: files.index).load(file: name)
            let again = shared.load(file: name)
            switch (alone, again) {
            case let (.success(a), .success(b)): #expect(a == b, "\(name)")
            case let (.failure(a), .failure(b)): #expect(a.diagnostics == b.diagnostics, "\(name)")
            default: Issue.record("\(name): \(alone) but \(again)")
            }
        }
        #expect((try? shared.load(file: names[0]).get())?.packages.apt.map(\.name) == ["tmux", "htop", "jq"])
        #expect((try? shared.load(file: names[2]).get())?.packages.apt.map(\.name) == ["htop", "jq", "tmux"])
        #expect((try? shared.load(file: names[3]).get())?.packages.apt.map(\.name) == ["tmux", "htop", "git", "jq"])
        guard case .failure(let clash) = shared.load(file: names[5]) else { Issue.record("no merge problem"); return }
        #expect(clash.diagnostics.map(\.message).contains { $0.hasPrefix("cannot merge a list here with a mapping") })
    }

    @Test func pinnedPackagesAndQuantities() throws {
        let spec = try TestFixtures.load(TestFixtures.minimal + """

        packages: { apt: ["tmux=3.2a-4ubuntu0.2", htop] }
        parts:
          memory: { size: 512 MB, speed: 6000 MT/s }
          psu: { model: Corsair RM1000x, power: 1.6 kW }
        """).get()
        #expect(spec.packages.apt == [.init(name: "tmux", version: "3.2a-4ubuntu0.2"), .init(name: "htop")])
        #expect(spec.parts.memory?.size.value == 512e6)
        #expect(spec.parts.memory?.speed?.value == 6e9)
        #expect(spec.parts.psus.first?.power.value == 1600)
    }

    @Test func includePathsResolveRelativeToTheIncludingFile() {
        #expect(SpecLoader.join("machines/a.yaml", "stacks/b.yaml") == "machines/stacks/b.yaml")
        #expect(SpecLoader.join("machines/stacks/b.yaml", "../c.yaml") == "machines/c.yaml")
        #expect(SpecLoader.join("/r/machines/a.yaml", "./x/../y.yaml") == "/r/machines/y.yaml")
        #expect(SpecLoader.join("a.yaml", "../up.yaml") == "../up.yaml")
    }
}

extension Dictionary where Key == String, Value == String {
    /// Lets a dictionary stand in for the file system in `SpecLoader(readFile:)`.
    func index(_ path: String) -> String? { self[path] }
}

extension Quantity {
    func withText(_ text: String) -> Quantity { Quantity(dimension: dimension, value: value, text: text) }
}
