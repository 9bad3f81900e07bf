import Foundation
import Testing
import RigSpec
@testable import RigKit

@Suite struct MachineSelectorTests {
    static let machines = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("machines").path
    let selector = MachineSelector(machinesDirectory: machines)

    @Test func aNameIsAFileInTheMachinesDirectory() throws {
        #expect(selector.file(for: "big-rig") == Self.machines + "/big-rig.yaml")
        #expect(selector.file(for: "other/x.yaml") == "other/x.yaml")
        let spec = try selector.select("big-rig", liveHostname: { nil }).get()
        #expect(spec.hostname == "big-rig")
    }

    @Test func withoutANameTheLiveHostnamePicks() throws {
        let spec = try selector.select(nil, liveHostname: { "compute-node" }).get()
        #expect(spec.name == "compute-node")
    }

    @Test func failuresSayWhy() {
        guard case .failure(let unknown) = selector.select(nil, liveHostname: { "laptop" }) else { Issue.record("expected failure"); return }
        #expect(unknown.diagnostics.map(\.message) == ["no spec has hostname 'laptop' (this machine); name one of: big-rig, compute-node, workstation"])
        guard case .failure(let missing) = selector.select("nope", liveHostname: { nil }) else { Issue.record("expected failure"); return }
        #expect(missing.diagnostics.map(\.message) == ["no machine named 'nope' in \(Self.machines)/; known: big-rig, compute-node, workstation"])
        guard case .failure(let unreadable) = selector.select(nil, liveHostname: { nil }) else { Issue.record("expected failure"); return }
        #expect(unreadable.diagnostics.map(\.message) == ["name a machine: the live hostname cannot be read"])
    }
}
