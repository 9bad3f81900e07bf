import Foundation
import RigSpec
import Synchronization
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// A machine whose steps are done when the executor says so: `check` holds for done steps,
/// `run` marks a step done unless it is told to fail (or to leave its check failing).
final class ScriptedMachine: StepExecutor, @unchecked Sendable {
    private let state = Mutex(State())

    struct State {
        var done: Set<String> = []
        var failing: Set<String> = []
        var runsWithoutEffect: Set<String> = []
        var brokenChecks: Set<String> = []
        var ran: [String] = []
    }

    init(done: Set<String> = [], failing: Set<String> = []) {
        state.withLock {
            $0.done = done
            $0.failing = failing
        }
    }

    func update(_ change: (inout State) -> Void) { state.withLock { change(&$0) } }
    var ran: [String] { state.withLock { $0.ran } }

    func check(_ step: Step) async -> GuardCheck {
        state.withLock { state in
            if state.brokenChecks.contains(step.id) { return .error("dpkg-query: not found") }
            return state.done.contains(step.id) ? .holds : .fails
        }
    }

    func run(_ step: Step) async -> StepRun {
        state.withLock { state in
            state.ran.append(step.id)
            if state.failing.contains(step.id) { return StepRun(succeeded: false, output: "E: Unable to locate package \(step.id)\n") }
            if !state.runsWithoutEffect.contains(step.id) { state.done.insert(step.id) }
            return StepRun(succeeded: true, output: "")
        }
    }
}

struct ScriptedPrompter: ChecklistPrompter {
    var answers: [String: Bool?]
    func confirm(_ item: ChecklistItem) async -> Bool? { answers[item.setting] ?? nil }
}

@Suite struct ApplierTests {
    /// The recorded VM (hostname `vm`, Debian 12, no GPU): the probe and audit run on it for real.
    static let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hosts/vm-no-gpu").path

    static func spec(bios: [MachineSpec.BIOS.Setting] = []) -> MachineSpec {
        MachineSpec(name: "vm", file: "machines/vm.yaml", hostname: "vm", os: .init(distro: .debian, release: "12"),
                    bios: bios.isEmpty ? nil : .init(settings: bios),
                    packages: .init(apt: [.init(name: "rigctl-e2e-marker")]),
                    theme: .init(background: PlanExamples.color("#0b2540"), foreground: PlanExamples.color("#e6eef7"),
                                 accent: PlanExamples.color("#4aa3ff")))
    }

    static func applier(_ machine: ScriptedMachine, spec: MachineSpec = spec(), prompter: (any ChecklistPrompter)? = nil,
                        confirmations: Set<SpecKeyPath> = [], dryRun: Bool = false, lines: Lines = Lines()) throws -> Applier {
        Applier(spec: spec, dotfiles: try ThemeRenderer.render(spec), system: try ReplaySystem(directory: host),
                executor: machine, prompter: prompter, confirmations: confirmations,
                options: .init(dryRun: dryRun), progress: { lines.append($0) })
    }

    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func runsWhatItsCheckSaysIsNotDoneAndConverges() async throws {
        let machine = ScriptedMachine(done: ["dotfiles"])
        let lines = Lines()
        let outcome = try await Self.applier(machine, lines: lines).run()
        #expect(outcome.plan.steps.map(\.id) == ["apt-packages", "dotfiles", "hostname"])
        // The hostname matches on the recorded VM: the audit says so, no check needed.
        #expect(outcome.plan.step("hostname")?.status == .done)
        #expect(machine.ran == ["apt-packages"])
        #expect(outcome.steps.map(\.outcome) == [.succeeded, .alreadyDone, .alreadyDone])
        #expect(outcome.ranCount == 1)
        #expect(lines.all.first == "[1/3] Install 1 apt package")
        #expect(lines.all.contains { $0.hasPrefix("      done (") })
        // The recording has no dpkg-query: the audit cannot tell (a warning), the step's own check can.
        #expect(outcome.findingsAfter.first { $0.keyPath == "packages.apt[0]" }?.status == .unknown)
        #expect(outcome.result == .converged)
    }

    @Test func convergedWhenEveryStepIsDoneAndTheAuditIsClean() async throws {
        var spec = Self.spec()
        spec.packages.apt = []
        let machine = ScriptedMachine()
        let outcome = try await Self.applier(machine, spec: spec).run()
        #expect(machine.ran == ["dotfiles"])
        #expect(outcome.result == .converged)
        let again = try await Self.applier(machine, spec: spec).run()
        #expect(again.ranCount == 0)
        #expect(again.steps.allSatisfy { $0.outcome == .alreadyDone })
        #expect(again.result == .converged)
    }

    @Test func aFailingStepStopsTheRunAndTheNextApplyResumesThere() async throws {
        var spec = Self.spec()
        spec.packages.apt = []
        spec.hostname = "fresh"    // so the hostname step is pending and comes after dotfiles
        let machine = ScriptedMachine(failing: ["dotfiles"])
        let lines = Lines()
        let failed = try await Self.applier(machine, spec: spec, lines: lines).run()
        #expect(failed.steps.map(\.outcome) == [.failed, .notRun])
        #expect(failed.steps[0].output == "E: Unable to locate package dotfiles")
        #expect(failed.result == .failed)
        #expect(machine.ran == ["dotfiles"])
        #expect(lines.all.contains("      | E: Unable to locate package dotfiles"))

        machine.update { $0.failing = [] }
        let resumed = try await Self.applier(machine, spec: spec).run()
        #expect(machine.ran == ["dotfiles", "dotfiles", "hostname"])
        #expect(resumed.steps.map(\.outcome) == [.succeeded, .succeeded])
    }

    @Test func aStepWhoseCheckStillFailsAfterRunningFails() async throws {
        let machine = ScriptedMachine(done: ["apt-packages"])
        machine.update { $0.runsWithoutEffect = ["dotfiles"] }
        let outcome = try await Self.applier(machine).run()
        let dotfiles = try #require(outcome.steps.first { $0.id == "dotfiles" })
        #expect(dotfiles.outcome == .failed)
        #expect(dotfiles.output?.contains("the step ran, but its check still fails") == true)
        #expect(outcome.result == .failed)
    }

    @Test func aCheckThatCannotRunFailsTheStepWithoutRunningIt() async throws {
        let machine = ScriptedMachine()
        machine.update { $0.brokenChecks = ["apt-packages"] }
        let outcome = try await Self.applier(machine).run()
        #expect(machine.ran.isEmpty)
        #expect(outcome.steps.map(\.outcome) == [.failed, .notRun, .notRun])
        #expect(outcome.steps[0].output == "its check could not run: dpkg-query: not found")
    }

    @Test func aDryRunRunsNothingAndSaysWhatWouldRun() async throws {
        let machine = ScriptedMachine(done: ["apt-packages"])
        let outcome = try await Self.applier(machine, dryRun: true).run()
        #expect(machine.ran.isEmpty)
        #expect(outcome.steps.map(\.outcome) == [.alreadyDone, .wouldRun, .alreadyDone])
        #expect(outcome.result == .unchanged)
    }

    @Test func theBIOSChecklistIsAskedAndRecorded() async throws {
        let spec = Self.spec(bios: [.init(name: "xmp", value: "profile-1"), .init(name: "iommu", value: "enabled"),
                                    .init(name: "above-4g-decoding", value: "enabled")])
        let machine = ScriptedMachine(done: ["apt-packages", "dotfiles"])
        let prompter = ScriptedPrompter(answers: ["xmp": true, "iommu": false, "above-4g-decoding": nil])
        let asked = try await Self.applier(machine, spec: spec, prompter: prompter).run()
        #expect(asked.checklist.map(\.confirmation) == [.confirmed, .declined, .notAsked])
        #expect(asked.steps.filter { $0.id.hasPrefix("bios-") }.map(\.outcome) == [.succeeded, .needsPerson, .needsPerson])
        #expect(asked.result == .notConverged)
        // The confirmation counts in the audit after the run.
        #expect(asked.findingsAfter.first { $0.keyPath == "bios.settings.xmp" }?.status == .ok)

        // --yes (no prompter): nothing asked; an item confirmed in an earlier log is not asked again.
        let unattended = try await Self.applier(machine, spec: spec, confirmations: ["bios.settings.xmp"]).run()
        #expect(unattended.checklist.map(\.confirmation) == [.confirmedEarlier, .notAsked, .notAsked])
        #expect(unattended.result == .notConverged)
    }

    @Test func aSettingTheProbeSawIsNotAChecklistItem() async throws {
        // The recorded VM boots without secure boot, and the audit sees that: no one is asked.
        let spec = Self.spec(bios: [.init(name: "secure-boot", value: "disabled"), .init(name: "xmp", value: "profile-1")])
        let machine = ScriptedMachine(done: ["apt-packages", "dotfiles"])
        let outcome = try await Self.applier(machine, spec: spec, prompter: ScriptedPrompter(answers: ["xmp": true])).run()
        #expect(outcome.plan.step("bios-secure-boot")?.status == .done)
        #expect(outcome.steps.first { $0.id == "bios-secure-boot" }?.outcome == .alreadyDone)
        #expect(outcome.checklist.map(\.setting) == ["xmp"])
    }

    @Test func everyBIOSItemConfirmedConverges() async throws {
        var spec = Self.spec(bios: [.init(name: "xmp", value: "profile-1")])
        spec.packages.apt = []
        let machine = ScriptedMachine(done: ["dotfiles"])
        let outcome = try await Self.applier(machine, spec: spec, prompter: ScriptedPrompter(answers: ["xmp": true])).run()
        #expect(outcome.result == .converged)
    }
}
