import ArgumentParser
import Foundation
import RigKit

/// `rigctl init`: a starting machine spec from the live facts.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting machine spec from this machine's facts (reads only).",
        discussion: """
        Fills hostname, os, parts (cpu, motherboard, memory, gpus, storage), bios version, \
        drivers and gpu-settings from the probe; leaves PSU, BIOS settings and theme as \
        comments to fill in by hand. Prints to stdout unless --output is given; an existing \
        file is replaced only with --force (exit 1 otherwise).
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the spec to FILE.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"))
    var replay: String?

    @Option(help: "Seconds each source may take.")
    var timeout: Double = 5

    static let wanted: Set<FactGroup> = [.os, .hostname, .cpu, .memory, .gpus, .nvidiaDriver, .cuda, .storage, .board]

    func run() async throws {
        let facts: Facts
        do {
            facts = try await ProbeSession(replay: replay).probe(Self.wanted, timeout: .milliseconds(Int(timeout * 1000)))
        } catch {
            CommandOutput.fail(error.description)
        }
        let yaml = StarterSpec.yaml(from: facts)
        guard let output else {
            CommandOutput.write(Data(yaml.utf8))
            return
        }
        do {
            try StarterSpec.write(yaml, to: output, force: force, on: LiveSystem())
        } catch {
            CommandOutput.fail(error.description, code: 1)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }
}
