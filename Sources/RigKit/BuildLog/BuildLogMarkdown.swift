import FoundationEssentials
import RigText
import RigSystem
import RigProbe
import RigAudit
import RigPlan
import RigSpec

/// Renders a build-log entry as Markdown: fixed section order, stable formatting, no
/// timestamps but the one in the header, so two logs of the same machine diff cleanly.
package enum BuildLogMarkdown {
    package static func render(_ entry: BuildLogEntry) -> String {
        var out: [String] = []
        let spec = entry.machine
        out.append("# \(spec.name): \(entry.kind.rawValue) \(BuildLogEntry.isoTime(entry.startedAt))")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| machine | `\(spec.name)` (hostname `\(spec.hostname)`) |")
        out.append("| result | **\(entry.result.rawValue)** |")
        out.append("| started | \(BuildLogEntry.isoTime(entry.startedAt)) |")
        out.append("| rigctl | \(entry.rigctlVersion) |")
        out.append("| spec | `\(spec.file)` at commit \(entry.specCommit.map { "`\($0)`" } ?? "(not a Git checkout)") |")
        out.append("| os | \(spec.os.summary) |")
        out.append("")
        out.append("## Parts")
        out.append("")
        out.append("| part | model | details |")
        out.append("|---|---|---|")
        for row in partRows(spec.parts) { out.append("| \(row.0) | \(cell(row.1)) | \(cell(row.2)) |") }
        if spec.parts.cpu == nil && spec.parts.gpus.isEmpty && spec.parts.memory == nil {
            out.append("| (none declared) | | |")
        }
        out.append("")
        out.append("## BIOS checklist")
        out.append("")
        if entry.checklist.isEmpty {
            out.append("No settings that need a person.")
        } else {
            for item in entry.checklist {
                let mark = item.confirmation.isConfirmed ? "x" : " "
                let note: String
                switch item.confirmation {
                case .confirmed: note = "confirmed"
                case .confirmedEarlier: note = "confirmed in an earlier build log"
                case .declined: note = "not confirmed: declined at the prompt"
                case .notAsked: note = "not confirmed: not asked (--yes, dry run or no answer)"
                }
                out.append("- [\(mark)] `\(item.setting): \(item.value)` — \(note)")
            }
        }
        out.append("")
        out.append("## Steps")
        out.append("")
        if entry.steps.isEmpty {
            out.append("No steps: the machine already matched its spec.")
        } else {
            out.append("| # | step | result | time |")
            out.append("|---|---|---|---|")
            for (index, step) in entry.steps.enumerated() {
                out.append("| \(index + 1) | \(cell(step.title)) (`\(step.id)`) | \(step.outcome.rawValue) | \(String(cFormat: "%.1f s", step.seconds)) |")
            }
            for step in entry.steps where step.outcome == .failed {
                out.append("")
                out.append("Output of `\(step.id)`:")
                out.append("")
                out.append(contentsOf: fenced(step.output?.trimmed(.newlines) ?? "(no output)"))
            }
        }
        out.append("")
        out.append("## Drift before")
        out.append("")
        out.append(contentsOf: driftLines(entry.driftBefore))
        if let after = entry.driftAfter {
            out.append("")
            out.append("## Drift after")
            out.append("")
            out.append(contentsOf: driftLines(after))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func driftLines(_ findings: [Finding]) -> [String] {
        let open = findings.filter { $0.status != .ok }
        guard !open.isEmpty else { return ["None: the machine matched its spec."] }
        var lines = ["| key | status | expected | actual | |", "|---|---|---|---|---|"]
        for finding in open.sorted(by: { ($0.keyPath, $0.message) < ($1.keyPath, $1.message) }) {
            lines.append("| `\(cell(finding.keyPath.rawValue))` | \(finding.status.rawValue) | \(cell(finding.expected ?? "")) | \(cell(finding.actual ?? "")) | \(cell(finding.message)) |")
        }
        return lines
    }

    static func partRows(_ parts: MachineSpec.Parts) -> [(String, String, String)] {
        var rows: [(String, String, String)] = []
        if let cpu = parts.cpu {
            let details = [cpu.cores.map { "\($0) cores" }, cpu.threads.map { "\($0) threads" }, cpu.power.map { "\($0)" }].compactMap { $0 }
            rows.append(("CPU", cpu.model, details.joined(separator: ", ")))
        }
        if let board = parts.motherboard {
            rows.append(("motherboard", [board.vendor, board.model].compactMap { $0 }.joined(separator: " "), board.pcieSlots.map { "\($0) PCIe slots" } ?? ""))
        }
        if let memory = parts.memory {
            let details = [memory.modules.map { "\($0) modules" }, memory.type?.rawValue, memory.speed.map { "\($0)" }, memory.ecc == true ? "ECC" : nil].compactMap { $0 }
            rows.append(("memory", "\(memory.size)", details.joined(separator: ", ")))
        }
        for gpu in parts.gpus {
            let details = [gpu.vram.map { "\($0)" }, gpu.power.map { "\($0)" }].compactMap { $0 }
            rows.append((gpu.count > 1 ? "GPU × \(gpu.count)" : "GPU", gpu.model, details.joined(separator: ", ")))
        }
        for disk in parts.storage {
            rows.append((disk.count > 1 ? "storage × \(disk.count)" : "storage", disk.model, [disk.size.text, disk.interface?.rawValue].compactMap { $0 }.joined(separator: ", ")))
        }
        for psu in parts.psus { rows.append(("PSU", psu.model, psu.power.text)) }
        if let chassis = parts.chassis { rows.append(("case", chassis, "")) }
        if let cooling = parts.cooling { rows.append(("cooling", cooling, "")) }
        return rows
    }

    /// A command's output as a code block it cannot close: the fence is longer than any run of
    /// backticks inside, and every control character but tab is a visible escape, line by line.
    static func fenced(_ output: String) -> [String] {
        var longest = 0, run = 0
        for character in output {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.unicodeScalars.map { $0 == "\t" ? "\t" : UntrustedText.escape($0) }.joined())
        }
        return [fence] + lines + [fence]
    }

    /// Keeps a value inside one Markdown table cell: `|` escaped, control and line-break
    /// characters (CR, NEL, LS, escape sequences) as visible escapes.
    static func cell(_ text: String) -> String {
        UntrustedText.escaped(text.replacingEvery("\n", with: " "), limit: 500).replacingEvery("|", with: "\\|")
    }
}
