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

/// The playbooks' settings module (`playbooks/library/rigctl_jsonc_settings.py`): the same bytes as
/// `JSONCMerger` on every settings fixture, and in a real `ansible-playbook` run `changed` exactly when
/// the file changes.
@Suite struct JSONCSettingsModuleTests {
    func fixtures() throws -> [(name: String, bytes: [UInt8]?)] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("vscode")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().filter { !$0.contains("broken") }
        var cases: [(name: String, bytes: [UInt8]?)] = try names.map { ($0, Array(try Data(contentsOf: directory.appendingPathComponent($0)))) }
        cases.append(("missing", nil))
        cases.append(("blank", Array(" \n// only a comment\n".utf8)))
        cases.append(("latin-1 comment and CRLF", Array("{\r\n    // r".utf8) + [0xE9] + Array("glages\r\n    \"a\": 1,\r\n}\r\n".utf8)))
        cases.append(("one line", Array("{\"workbench.colorCustomizations\": {\"focusBorder\": \"#000000\"}, \"b\": [1, 2]}".utf8)))
        return cases
    }

    @Test func thePythonModuleMergesByteForByteAsRigctlDoes() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try JSONCSettingsModule.source.write(to: directory.appendingPathComponent("module.py"), atomically: true, encoding: .utf8)
        let file = try #require(ThemeRenderer.render(PlanExamples.workstation).first { if case .jsonSettings = $0.installation { true } else { false } })
        guard case .jsonSettings(let edit) = file.installation else { return }
        let settings = "[" + edit.settings.map { "[\(JSONCMerger.quote($0.key)), \(JSONCMerger.quote($0.value))]" }.joined(separator: ", ") + "]"
        for (index, item) in try fixtures().enumerated() {
            let input = directory.appendingPathComponent("in-\(index)")
            let output = directory.appendingPathComponent("out-\(index)")
            if let bytes = item.bytes { try Data(bytes).write(to: input) }
            let script = """
                import importlib.util, json, os, sys
                spec = importlib.util.spec_from_file_location("module", sys.argv[1])
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                data = open(sys.argv[2], "rb").read() if os.path.exists(sys.argv[2]) else b""
                open(sys.argv[3], "wb").write(module.merge([tuple(p) for p in json.loads(sys.argv[4])], sys.argv[5], data))
                """
            let run = try #require(try PlanTools.run("python3", ["-c", script, directory.appendingPathComponent("module.py").path,
                                                                 input.path, output.path, settings, edit.key]))
            #expect(run.status == 0, "\(item.name): \(run.output)")
            let expected = try edit.apply(to: item.bytes)
            #expect(Array(try Data(contentsOf: output)) == expected, "\(item.name): the module's bytes differ from JSONCMerger's")
        }
    }

    /// ansible-playbook with a local connection against a temporary home holding a settings.json with
    /// comments: changed=1, then 0; after an accent change changed=1 again (the file now what `rigctl apply`
    /// writes), then 0.
    @Test func thePlaybookReportsChangedExactlyWhenTheSettingsChange() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let settingsPath = home.appendingPathComponent(VSCodeThemeRenderer.desktopSettingsPath)
        try FileManager.default.createDirectory(at: settingsPath.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = try JSONCTestSupport.fixture("settings-with-comments.json")
        try original.write(to: settingsPath, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("library"), withIntermediateDirectories: true)
        try JSONCSettingsModule.source.write(to: home.appendingPathComponent(JSONCSettingsModule.path), atomically: true, encoding: .utf8)

        func run(_ spec: MachineSpec) throws -> String {
            let settings = try ThemeRenderer.render(spec).filter { $0.path == VSCodeThemeRenderer.desktopSettingsPath }
            let plan = Planner().plan(spec: spec, dotfiles: settings)
            let only = Plan(machine: plan.machine, specFile: plan.specFile, os: plan.os, steps: plan.steps.filter { $0.id == "dotfiles" })
            let playbook = home.appendingPathComponent("play.yml")
            try AnsibleEmitter().emit(only, inInventory: false).write(to: playbook, atomically: true, encoding: .utf8)
            let result = try #require(try PlanTools.run("ansible-playbook", [
                "-i", "workstation,", "-c", "local", "-e", "ansible_python_interpreter={{ ansible_playbook_python }}",
                "-e", "rigctl_home=\(home.path)", playbook.path,
            ], in: home, environment: [
                "HOME": home.path, "ANSIBLE_LOCAL_TEMP": home.appendingPathComponent(".ansible-tmp").path,
                "ANSIBLE_REMOTE_TEMP": home.appendingPathComponent(".ansible-remote-tmp").path, "ANSIBLE_NOCOLOR": "1",
            ]))
            #expect(result.status == 0, "\(result.output)")
            return result.output
        }

        var spec = PlanExamples.workstation
        #expect(try run(spec).contains("changed=1"))
        #expect(try run(spec).contains("changed=0"))
        spec.theme?.accent = Color(hex: "#ff79c6")!
        #expect(try run(spec).contains("changed=1"))
        #expect(try run(spec).contains("changed=0"))
        let file = try #require(try ThemeRenderer.render(spec).first { $0.path == VSCodeThemeRenderer.desktopSettingsPath })
        #expect(try String(contentsOf: settingsPath, encoding: .utf8) == (try file.installedText(over: original)),
                "the playbook leaves the bytes rigctl apply would")
    }

    @Test func generateWritesTheModuleAndCheckSeesItStale() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = PlaybookGenerator()
        try generator.write(PlanExamples.all, to: directory.path, system: LiveSystem())
        let module = directory.appendingPathComponent(JSONCSettingsModule.path)
        #expect(try String(contentsOf: module, encoding: .utf8) == JSONCSettingsModule.source)
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: LiveSystem()).isInSync)
        try "# changed by hand\n".write(to: module, atomically: true, encoding: .utf8)
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: LiveSystem()).stale == [JSONCSettingsModule.path])
        try FileManager.default.removeItem(at: module)
        #expect(try generator.check(PlanExamples.all, in: directory.path, system: LiveSystem()).missing == [JSONCSettingsModule.path])
    }
}
