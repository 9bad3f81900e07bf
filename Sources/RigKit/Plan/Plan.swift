import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// The ordered steps that converge one machine.
package struct Plan: Sendable, Equatable {
    /// The machine's name (its spec file name without `.yaml`).
    package var machine: String
    /// Where the spec came from, for headers of generated files.
    package var specFile: String
    package var os: MachineSpec.OperatingSystem
    package var steps: [Step]

    package init(machine: String, specFile: String, os: MachineSpec.OperatingSystem, steps: [Step]) {
        self.machine = machine
        self.specFile = specFile
        self.os = os
        self.steps = steps
    }

    /// Steps that may still have work to do.
    package var pendingSteps: [Step] { steps.filter { $0.status == .pending } }

    /// The step with this id, if the plan has one.
    package func step(_ id: String) -> Step? { steps.first { $0.id == id } }
}
