import Testing
import RigSpec
@testable import RigKit

@Suite struct MachineSelectorTests {
    func specs() throws -> [MachineSpec] {
        [try AuditSamples.machine("compute-node"), try AuditSamples.machine("workstation")]
    }

    @Test func byNameOrByHostname() throws {
        #expect(try MachineSelector.select(name: "workstation", hostname: nil, from: specs()).get().name == "workstation")
        #expect(try MachineSelector.select(name: nil, hostname: .value("Compute-Node"), from: specs()).get().name == "compute-node")
    }

    @Test func failuresSayWhatToDo() throws {
        #expect(MachineSelector.select(name: "big-rig", hostname: nil, from: try specs()).failure?.description
                == "no machine 'big-rig' in machines/ (known: compute-node, workstation)")
        #expect(MachineSelector.select(name: nil, hostname: .value("laptop"), from: try specs()).failure?.description
                == "no spec has hostname 'laptop' (machines: compute-node, workstation); name the machine or write machines/laptop.yaml (rigctl init)")
        #expect(MachineSelector.select(name: nil, hostname: .unknown("/proc/sys/kernel/hostname: not found"), from: try specs()).failure
                == .noHostname(reason: "/proc/sys/kernel/hostname: not found"))
        var twin = try AuditSamples.machine("compute-node")
        twin.name = "compute-node-2"
        #expect(MachineSelector.select(name: nil, hostname: .value("compute-node"), from: try specs() + [twin]).failure
                == .ambiguousHostname("compute-node", machines: ["compute-node", "compute-node-2"]))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
