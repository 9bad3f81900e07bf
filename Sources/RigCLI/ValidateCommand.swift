import ArgumentParser
import Foundation
import RigKit
import RigSpec

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check machine specs and report every problem at once.",
        discussion: """
        Loads each spec with its includes and reports problems as file:line:col: error: …, \
        renders each theme (contrast, overrides), then runs the compatibility rules (GPU ↔ \
        driver ↔ CUDA ↔ OS, power budget, VRAM).
        With no arguments, checks every machine in machines/ (fragments in machines/stacks/ are \
        checked through the machines that include them).
        Exit codes: 0 valid; 1 a compatibility rule failed (warnings too with --strict); \
        2 a spec cannot be understood.
        """)

    @Argument(help: "Spec files or directories of specs (default: machines/).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Fail on compatibility warnings too.")
    var strict = false

    func run() async throws {
        let selection = SpecLoader.files(for: paths)
        let loaded = SpecLoader.loadAllConcurrently(selection.files)
        let diagnostics = (selection.diagnostics + loaded.diagnostics + ThemeRenderer.diagnostics(for: loaded.specs)).sorted()
        let findings = loaded.specs.flatMap { checkCompatibility($0) }
        let report = ValidationReport(specs: loaded.specs, diagnostics: diagnostics, findings: findings)
        switch format {
        case .text: report.printText()
        case .json: print(report.json())
        }
        if !diagnostics.isEmpty { throw RigExit.badInput }
        if findings.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) }) { throw RigExit.findings }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What `validate` prints.
struct ValidationReport {
    let specs: [MachineSpec]
    let diagnostics: [Diagnostic]
    /// Compatibility findings (rules report problems only).
    let findings: [Finding]

    func printText() {
        let style = TerminalStyle.stderr
        for diagnostic in diagnostics {
            let label = diagnostic.severity == .error ? style.red("error:") : style.yellow("\(diagnostic.severity.rawValue):")
            printError("\(style.bold(diagnostic.location.description + ":")) \(label) \(diagnostic.message)")
        }
        for finding in findings {
            let label = finding.severity == .error ? style.red("error:") : style.yellow("\(finding.severity.rawValue):")
            let place = finding.location.map { style.bold("\($0):") + " " } ?? ""
            printError("\(place)\(label) \(finding.message) [\(finding.rule ?? finding.status.rawValue)]")
        }
        let out = TerminalStyle.stdout
        for spec in specs {
            let own = findings.filter { $0.machine == spec.name }
            let verdict = own.contains { $0.severity == .error } ? out.red("incompatible") : own.isEmpty ? out.green("valid") : out.yellow("valid, with warnings")
            print("\(verdict) \(spec.name) (\(spec.file))")
        }
        if !diagnostics.isEmpty {
            let files = Set(diagnostics.map(\.location.file)).count
            printError("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
    }

    func json() -> String {
        let object: [String: Any] = [
            "valid": diagnostics.isEmpty && !findings.contains { $0.severity == .error },
            "findings": findings.map {
                ["machine": $0.machine, "keyPath": $0.keyPath, "status": $0.status.rawValue, "severity": $0.severity.rawValue,
                 "message": $0.message, "rule": $0.rule ?? "", "location": $0.location?.description ?? ""] as [String: Any]
            },
            "machines": specs.map { ["name": $0.name, "file": $0.file, "hostname": $0.hostname] },
            "diagnostics": diagnostics.map {
                ["file": $0.location.file, "line": $0.location.line, "column": $0.location.column,
                 "severity": $0.severity.rawValue, "message": $0.message] as [String: Any]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
