import ArgumentParser
import RigSpec

struct Schema: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the machine spec, for editors.",
        discussion: "machines/schema.json is this output; start a spec with `# yaml-language-server: $schema=schema.json`.")

    func run() async throws {
        write(JSONSchema.machineSpec())
    }
}
