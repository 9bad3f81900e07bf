import ArgumentParser
import FoundationEssentials
import RigText
import RigKit
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigEmit
import RigBuildLog
import RigApply
import RigSpec

/// The one output and exit path: every command writes through `Console.current` and leaves by
/// throwing an `ExitCode`, so `Rigctl.run(_:)` can run a command in process and capture both streams.
struct Console: Sendable {
    let writeOut: @Sendable (String) -> Void
    /// UTF-8 text, written as it is (the caller has made it safe).
    let writeOutBytes: @Sendable ([UInt8]) -> Void
    let writeError: @Sendable (String) -> Void
    /// Whether colour may be used on each stream.
    let colorOut: Bool
    let colorError: Bool

    @TaskLocal static var current = Console(
        writeOut: { StandardStream.output.write($0) },
        writeOutBytes: { StandardStream.output.write(bytes: $0) },
        writeError: { StandardStream.error.write($0) },
        colorOut: TerminalStyle.colorAllowed(fileDescriptor: 1), colorError: TerminalStyle.colorAllowed(fileDescriptor: 2))

    var style: TerminalStyle { TerminalStyle(enabled: colorOut) }
    var errorStyle: TerminalStyle { TerminalStyle(enabled: colorError) }
}

/// Prints a line to standard output at once (progress shows while a long step runs, even into a pipe).
func say(_ line: String) { Console.current.writeOut(TerminalSafeText.sanitized(line) + "\n") }

/// Prints text to standard output, control characters made visible (`TerminalSafeText`).
func write(_ text: String) { Console.current.writeOut(TerminalSafeText.sanitized(text)) }

/// Prints UTF-8 text to standard output like `write(_:)`, without making a `String` of it first when it is plain.
func write(bytes: [UInt8]) {
    guard bytes.withUnsafeBufferPointer({ UntrustedText.isPlain($0, allowingLineBreaks: true) }) else {
        return write(String(decoding: bytes, as: UTF8.self))
    }
    Console.current.writeOutBytes(bytes)
}

/// Prints text to standard output as it is: only for sequences rigctl composed itself (the true-colour swatches).
func writeRaw(_ text: String) { Console.current.writeOut(text) }

/// Prints a line to standard error.
func printError(_ text: String) { Console.current.writeError(TerminalSafeText.sanitized(text) + "\n") }

/// The last guard between untrusted text (spec values, file names, tool output, recordings) and the
/// terminal: every line `say`, `write` and `printError` print, and ArgumentParser's messages, pass through it.
/// Control characters (those `UntrustedText.escape` escapes) become `\r` or `\u001b`, except newlines, tabs and the
/// few colour sequences `TerminalStyle` itself writes, so no message can move the cursor, retitle the
/// window, rewrite a line with `\r` or hide text. (`writeRaw`, for the true-colour swatches, is the one raw path.)
enum TerminalSafeText {
    /// The SGR sequences `TerminalStyle` writes: reset, bold, dim, red, green, yellow, cyan.
    static let styleCodes: Set<String> = ["0", "1", "2", "31", "32", "33", "36"]

    static func sanitized(_ text: String) -> String {
        // Most text needs nothing: one pass over the bytes says so (the whole report passes here).
        if UntrustedText.isPlain(text, allowingLineBreaks: true) { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = styleSequenceEnd(scalars, from: index) {
                result.unicodeScalars.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if scalar == "\n" || scalar == "\t" || !UntrustedText.needsEscaping(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\r" {
                result += "\\r"
            } else {
                // `\u001b`: readable, and the same character again inside a JSON string (JSON output passes here too).
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            index += 1
        }
        return result
    }

    /// The index of the `m` ending one of `styleCodes` at `start` (`ESC [ code m`), if one is there.
    private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var code = ""
        var index = start + 2
        while index < scalars.count, index < start + 5, ("0"..."9").contains(scalars[index]) {
            code.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == "m", styleCodes.contains(code) else { return nil }
        return index
    }
}

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

/// How every command reports spec problems, compatibility problems and refusals.
enum Report {
    /// `file:line:col: error: message` for each diagnostic, then each rule's problem.
    static func problems(diagnostics: [Diagnostic], findings: [Finding]) {
        let style = Console.current.errorStyle
        for diagnostic in diagnostics {
            let label = diagnostic.severity == .error ? style.red("error:") : style.yellow("\(diagnostic.severity.rawValue):")
            printError("\(style.bold(diagnostic.location.description + ":")) \(label) \(diagnostic.message)")
        }
        for finding in findings where finding.status != .ok {
            let label = finding.severity == .error ? style.red("error:") : style.yellow("\(finding.severity.rawValue):")
            let place = finding.location.map { style.bold("\($0):") + " " } ?? ""
            printError("\(place)\(label) \(finding.message) [\(finding.rule ?? finding.status.rawValue)]")
        }
        if !diagnostics.isEmpty {
            let files = Set(diagnostics.map(\.location.file)).count
            printError("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
    }

    /// Prints the refusal (its diagnostics and findings first) and gives its exit code.
    static func refusal(_ refusal: Refusal) -> ExitCode {
        problems(diagnostics: refusal.diagnostics, findings: refusal.findings)
        printError("error: \(refusal.message)")
        return ExitCode(refusal.status)
    }

    /// A command's verdict problems on stderr; throws the verdict's exit code when it is not clean
    /// after the command's own output (call last).
    static func finish(_ machine: MachineVerdict, strict: Bool = false) throws {
        let status = machine.status(strict: strict)
        if status != .clean { throw ExitCode(status) }
    }
}

extension Result where Failure == Refusal {
    /// The value, or the refusal reported and its exit code thrown.
    func orExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw Report.refusal(refusal)
        }
    }
}
