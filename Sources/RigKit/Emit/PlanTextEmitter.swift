import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
/// Plan → the text `rigctl plan` prints: one numbered entry per step with what it fixes and its guard.
package struct PlanTextEmitter: Sendable {
    package init() {}

    package func emit(_ plan: Plan) -> String {
        let done = plan.steps.count - plan.pendingSteps.count
        var out = "Plan for \(plan.machine) (\(plan.os.summary)) from \(plan.specFile): "
        out += "\(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s")"
        out += done > 0 ? ", \(done) already done\n" : "\n"
        let width = String(plan.steps.count).count
        for (index, step) in plan.steps.enumerated() {
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            let state: String
            switch (step.status, step.kind) {
            case (.done, _): state = "done"
            case (.pending, .manual): state = "manual"
            case (.pending, _): state = "todo"
            }
            out += "\n\(number). [\(state)] \(step.title)\(step.needsRoot ? " (root)" : "")\n"
            let pad = String(repeating: " ", count: width + 2)
            out += "\(pad)id: \(step.id); fixes: \(step.fixes.map(\.rawValue).joined(separator: ", "))\n"
            out += "\(pad)done when: \(step.check.summary)\n"
        }
        return out
    }
}
