import Foundation
import Testing
@testable import RigSpec

/// The schema is checked with the reference validator (python jsonschema, installed by scripts/test).
@Suite struct JSONSchemaTests {
    @Test func committedSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: TestFixtures.machines + "/schema.json", encoding: .utf8)
        #expect(committed == JSONSchema.machineSpec(), "machines/schema.json is stale: run `swift run rigctl schema > machines/schema.json`")
    }

    @Test func examplesValidateAgainstTheSchema() throws {
        let files = try SpecLoader.machineFiles(in: TestFixtures.machines)
        let cases = try files.map { (name: ($0 as NSString).lastPathComponent, yaml: try String(contentsOfFile: $0, encoding: .utf8)) }
        let verdicts = try validate(cases)
        #expect(verdicts.count == files.count && files.count >= 5)
        for (name, verdict) in verdicts { #expect(verdict == "valid", "\(name): \(verdict)") }
    }

    /// Put an unknown key into every mapping of a valid spec, one at a time: the loader and
    /// the schema must both reject each variant.
    @Test func schemaRejectsWhatTheLoaderRejectsForUnknownKeys() throws {
        let base = """
        version: 1
        hostname: box
        os: { distro: ubuntu, release: "22.04", KEY }
        ssh: { host: box.local, KEY }
        parts:
          cpu: { model: Intel Core i7-5820K, KEY }
          motherboard: { model: X99-A, KEY }
          memory: { size: 32 GiB, KEY }
          gpus: [{ model: NVIDIA GeForce RTX 3090, KEY }]
          storage: [{ model: Samsung SSD 970 EVO Plus 1TB, size: 1 TB, KEY }]
          psu: { model: Corsair RM1000x, power: 1000 W, KEY }
          KEY
        bios: { version: "3902", KEY }
        drivers: { nvidia: { version: "570", flavor: open, KEY }, KEY }
        gpu-settings: { persistence: true, KEY }
        packages: { apt: [tmux], KEY }
        theme: { background: "#0b2540", foreground: "#e6eef7", accent: "#4aa3ff", KEY }
        KEY
        """
        let pieces = base.components(separatedBy: "KEY")
        #expect(pieces.count - 1 == 16)
        /// The spec with `bogus: 1` in slot `slot` only (nil: in none).
        func variant(_ slot: Int?) -> String {
            var text = pieces[0]
            for i in 1..<pieces.count { text += (i - 1 == slot ? "bogus: 1" : "") + pieces[i] }
            return text.replacingOccurrences(of: ", }", with: " }").replacingOccurrences(of: "\n  \n", with: "\n")
        }
        let cases = [(name: "clean", yaml: variant(nil))] + (0..<(pieces.count - 1)).map { (name: "slot\($0)", yaml: variant($0)) }
        let verdicts = try validate(cases)
        for (name, yaml) in cases {
            let loaderAccepts = (try? TestFixtures.load(yaml).get()) != nil
            let schemaVerdict = verdicts.first { $0.name == name }?.verdict ?? "missing"
            if name == "clean" {
                #expect(loaderAccepts, "clean spec rejected by the loader")
                #expect(schemaVerdict == "valid")
            } else {
                #expect(!loaderAccepts, "\(name): loader accepted an unknown key")
                #expect(schemaVerdict.hasPrefix("invalid"), "\(name): schema accepted an unknown key")
                #expect(schemaVerdict.contains("bogus"), "\(name): \(schemaVerdict)")
            }
        }
    }

    @Test func schemaAgreesOnTheInvalidCorpusUnknownKeys() throws {
        let names = ["11-unknown-top-key.yaml", "12-unknown-part-key.yaml"]
        let cases = try names.map { (name: $0, yaml: try String(contentsOfFile: InvalidSpecCorpusTests.directory + "/" + $0, encoding: .utf8)) }
        for (_, verdict) in try validate(cases) { #expect(verdict.hasPrefix("invalid")) }
    }

    private func validate(_ cases: [(name: String, yaml: String)]) throws -> [(name: String, verdict: String)] {
        let schema = try JSONSerialization.jsonObject(with: Data(JSONSchema.machineSpec().utf8))
        let request: [String: Any] = ["schema": schema, "cases": cases.map { ["name": $0.name, "yaml": $0.yaml] }]
        let input = try JSONSerialization.data(withJSONObject: request)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestFixtures.root + "/schema_check.py"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with jsonschema and PyYAML is needed (scripts/test installs them): \(errors)")
        return output.split(separator: "\n").map {
            let columns = $0.split(separator: "\t", maxSplits: 1)
            return (String(columns[0]), columns.count > 1 ? String(columns[1]) : "")
        }
    }
}
