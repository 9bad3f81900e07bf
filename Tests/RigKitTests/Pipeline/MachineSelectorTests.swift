import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct MachineSelectorTests {
    func specs() throws -> [MachineSpec] {
        [try AuditSamples.machine("compute-node"), try AuditSamples.machine("workstation")]
    }

    var repository: Repository { Repository(root: AuditSamples.repository, system: ReadOnlySystem(LiveSystem())) }

    @Test func byNameBySpecPathOrByHostname() throws {
        #expect(try MachineSelector.file(for: "workstation", in: repository).get() == AuditSamples.repository + "/machines/workstation.yaml")
        #expect(try MachineSelector.file(for: AuditSamples.repository + "/machines/../machines/big-rig.yaml", in: repository).get()
                == AuditSamples.repository + "/machines/big-rig.yaml")
        #expect(try MachineSelector.byHostname(.value("Compute-Node"), from: specs()).get().name == "compute-node")
    }

    @Test func oneRuleForShortAndFullHostnames() throws {
        #expect(try MachineSelector.byHostname(.value("compute-node.lab"), from: specs()).get().name == "compute-node")
        #expect(HostnameMatch.matches(spec: "compute-node.lab", live: "compute-node"))
        #expect(HostnameMatch.matches(spec: "BOX.lab", live: "box.LAB"))
        #expect(!HostnameMatch.matches(spec: "box.lab", live: "box.home"))
        #expect(!HostnameMatch.matches(spec: "box", live: "boxer"))
    }

    @Test func failuresSayWhatToDo() throws {
        #expect(MachineSelector.file(for: "laptop", in: repository).failure?.message
                == "no machine 'laptop' in machines/ (machines: big-rig, compute-node, dgx-spark, instinct-node, mac-studio, rented-h100, rocm-desktop, workstation)")
        #expect(MachineSelector.file(for: "/etc/hostname", in: repository).failure?.message.hasPrefix("/etc/hostname: is not a machine spec in ") == true)
        #expect(MachineSelector.byHostname(.value("laptop"), from: try specs()).failure?.message
                == "no spec has hostname 'laptop' (machines: compute-node, workstation); name the machine, or write machines/laptop.yaml (rigctl init)")
        #expect(MachineSelector.byHostname(.unknown("/proc/sys/kernel/hostname: not found"), from: try specs()).failure?.message
                == "no machine named and this machine's hostname is unknown (/proc/sys/kernel/hostname: not found); name the machine")
        var twin = try AuditSamples.machine("compute-node")
        twin.name = "compute-node-2"
        #expect(MachineSelector.byHostname(.value("compute-node"), from: try specs() + [twin]).failure?.message
                == "hostname 'compute-node' is claimed by compute-node, compute-node-2; name the machine")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
