import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// The ordered steps that converge one machine.
public struct Plan: Sendable, Equatable {
    /// The machine's name (its spec file name without `.yaml`).
    public var machine: String
    /// Where the spec came from, for headers of generated files.
    public var specFile: String
    public var os: MachineSpec.OperatingSystem
    public var steps: [Step]

    public init(machine: String, specFile: String, os: MachineSpec.OperatingSystem, steps: [Step]) {
        self.machine = machine
        self.specFile = specFile
        self.os = os
        self.steps = steps
    }

    /// Steps that may still have work to do.
    public var pendingSteps: [Step] { steps.filter { $0.status == .pending } }

    /// The step with this id, if the plan has one.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
}
