import ArgumentParser
import FoundationEssentials
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply

/// `rigctl init`: a starting machine spec from the live facts.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting machine spec from this machine's facts (reads only, unless --output).",
        discussion: """
        Fills hostname, os, parts (cpu, motherboard, memory, gpus, storage), bios version, \
        drivers and gpu-settings from the probe; leaves PSU, BIOS settings and theme as \
        comments to fill in by hand. Prints to stdout unless --output is given; an existing \
        file is replaced only with --force.
        Exit codes: 0 written; 2 an unreadable recorded host, or --output exists without --force \
        or cannot be written; 64 usage.
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the spec to FILE.", valueName: "FILE"), completion: .file(extensions: ["yaml"]))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Read a recorded host from DIR instead of this machine.", valueName: "DIR"), completion: .directory)
    var replay: String?

    @OptionGroup var probe: ProbeOptions

    static let wanted: Set<FactGroup> = [.os, .hostname, .cpu, .memory, .gpus, .nvidiaDriver, .cuda, .storage, .board]

    func run() async throws {
        let facts: Facts
        do {
            facts = try await ProbeSession(replay: replay, live: ReadOnlySystem(LiveSystem())).probe(Self.wanted, timeout: probe.duration)
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        let yaml = StarterSpec.yaml(from: facts)
        guard let output else { return write(yaml) }
        do {
            try StarterSpec.write(yaml, to: output, force: force, on: LiveSystem())
        } catch {
            throw Report.refusal(Refusal(error.description))
        }
        printError("wrote \(output)")
    }
}
