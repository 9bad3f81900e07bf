import Foundation
import Testing

/// `rigctl new DIR`: a rig repository of one's own that passes `rigctl audit` as created, whose CI
/// workflow (and this project's own) passes actionlint.
@Suite struct NewCommandTests {
    let fileManager = FileManager.default

    @Test func scaffoldPassesAuditAndLint() throws {
        let parent = try Subprocess.temporaryDirectory("rigctl-new")
        defer { try? fileManager.removeItem(atPath: parent) }
        let repo = parent + "/rigs"
        let created = try Subprocess.run(Subprocess.rigctl, ["new", repo])
        #expect(created.status == 0, "\(created.output)")
        for file in ["machines/schema.json", "machines/stacks/base.yaml", "build-logs/.gitkeep", "playbooks/site.yml",
                     "playbooks/inventory.yml", ".gitignore", "README.md", ".github/workflows/audit.yml"] {
            #expect(fileManager.fileExists(atPath: "\(repo)/\(file)"), "\(file)")
        }
        let schema = try String(contentsOfFile: repo + "/machines/schema.json", encoding: .utf8)
        #expect(schema == (try Subprocess.run(Subprocess.rigctl, ["schema"])).output)

        // Found from a subdirectory, like git; clean as created.
        let audit = try Subprocess.run(Subprocess.rigctl, ["audit"], in: repo + "/build-logs")
        #expect(audit.status == 0, "\(audit.output)")
        #expect(try Subprocess.run(Subprocess.rigctl, ["generate", "--check"], in: repo).status == 0)

        // A machine from a recorded host, its playbooks generated: still clean.
        let initialized = try Subprocess.run(Subprocess.rigctl, ["init", "--replay", Repo.root + "/build-logs/compute-node/recorded-host",
                                                                 "--output", "machines/compute-node.yaml"], in: repo)
        #expect(initialized.status == 0, "\(initialized.output)")
        #expect(try Subprocess.run(Subprocess.rigctl, ["generate"], in: repo).status == 0)
        let again = try Subprocess.run(Subprocess.rigctl, ["audit"], in: repo)
        #expect(again.status == 0, "\(again.output)")

        let workflow = repo + "/.github/workflows/audit.yml"
        let text = try String(contentsOfFile: workflow, encoding: .utf8)
        #expect(text.contains("./rigctl audit --format github"))
        #expect(text.contains("sha256sum --check --strict"))
        #expect(!text.contains("swift build"))
        let lint = try Subprocess.run("actionlint", [workflow])
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func projectWorkflowPassesActionlint() throws {
        let workflows = Repo.root + "/.github/workflows"
        let files = try fileManager.contentsOfDirectory(atPath: workflows).filter { $0.hasSuffix(".yml") }.map { "\(workflows)/\($0)" }
        #expect(!files.isEmpty)
        let lint = try Subprocess.run("actionlint", files)
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func actionlintFindsAnError() throws {
        // The check above can fail: a workflow with an unknown runner label and a broken expression is refused.
        let directory = try Subprocess.temporaryDirectory("rigctl-actionlint")
        defer { try? fileManager.removeItem(atPath: directory) }
        let bad = directory + "/bad.yml"
        try "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope.\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try Subprocess.run("actionlint", [bad]).status == 1)
    }

    @Test func refusesANonEmptyDirectory() throws {
        let directory = try Subprocess.temporaryDirectory("rigctl-new-full")
        defer { try? fileManager.removeItem(atPath: directory) }
        try "mine\n".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = try Subprocess.run(Subprocess.rigctl, ["new", directory])
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("exists and is not empty"), "\(refused.output)")
        #expect(try fileManager.contentsOfDirectory(atPath: directory) == ["notes.txt"])
    }
}
