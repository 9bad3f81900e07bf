import ArgumentParser
import RigKit
import RigSystem

/// `rigctl new DIR`: a rig repository of one's own.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a rig repository in DIR: machines/ (a shared stack, schema.json), build-logs/, playbooks/, a README and a CI workflow.",
        discussion: """
        DIR is created, or must be empty. The repository has no machine yet: add the first with \
        `rigctl init --ssh HOST --output DIR/machines/NAME.yaml` (or `rigctl init` on the machine), \
        then `rigctl generate`. `rigctl audit` passes on it as created. The workflow \
        (.github/workflows/audit.yml) runs `rigctl audit --format github` with the release binary \
        whose URL and sha256 it names (set RIGCTL_URL and RIGCTL_SHA256 in it once).
        Exit codes: 0 created; 2 DIR is not empty or cannot be written; 64 usage.
        """)

    @Argument(help: ArgumentHelp("The directory of the new repository.", valueName: "DIR"), completion: .directory)
    var directory: String

    func run() async throws {
        let written: [String]
        do {
            written = try RepositoryScaffold.create(directory, version: RigctlVersion.current, system: LiveSystem())
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        for file in written { say("wrote \(directory)/\(file)") }
        say("next: cd \(directory) && git init && rigctl init --ssh HOST --output machines/NAME.yaml")
    }
}
