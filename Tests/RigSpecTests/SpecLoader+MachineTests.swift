import Foundation
import Testing
@testable import RigSpec

@Suite struct SpecLoaderMachineTests {
    static let machines = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("machines").path

    @Test func byNameByFileAndByHostname() throws {
        let loader = SpecLoader()
        #expect(try loader.loadMachine("big-rig", directory: Self.machines, liveHostname: nil).get().name == "big-rig")
        #expect(try loader.loadMachine(Self.machines + "/workstation.yaml", directory: "unused", liveHostname: nil).get().name == "workstation")
        #expect(try loader.loadMachine(nil, directory: Self.machines, liveHostname: "compute-node.local").get().name == "compute-node")
    }

    @Test func unknownMachinesAreExplained() {
        let loader = SpecLoader()
        guard case .failure(let byName) = loader.loadMachine("nope", directory: Self.machines, liveHostname: nil) else {
            Issue.record("expected a failure")
            return
        }
        #expect(byName.diagnostics.map(\.message) == ["no machine named 'nope' in \(Self.machines)/ (machines: big-rig, compute-node, workstation)"])
        guard case .failure(let byHost) = loader.loadMachine(nil, directory: Self.machines, liveHostname: "laptop") else {
            Issue.record("expected a failure")
            return
        }
        #expect(byHost.diagnostics.map(\.message) == ["no machine in \(Self.machines)/ has hostname 'laptop'; name one of: big-rig, compute-node, workstation"])
    }
}
