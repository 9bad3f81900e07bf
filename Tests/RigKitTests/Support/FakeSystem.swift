import Foundation
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

/// An in-memory machine for fault tests: files, listings, read errors and command results,
/// plus commands that never finish (they wait until cancelled, like a hung nvidia-smi that
/// ignores its timeout).
struct FakeSystem: System {
    var files: [String: String] = [:]
    var directories: [String: [String]] = [:]
    var errors: [String: SystemError] = [:]
    var commands: [[String]: CommandResult] = [:]
    var hanging: Set<[String]> = []

    func readFile(_ path: String) throws(SystemError) -> Data {
        if let error = errors[path] { throw error }
        guard let text = files[path] else { throw .notFound(path) }
        return Data(text.utf8)
    }

    func listDirectory(_ path: String) throws(SystemError) -> [String] {
        if let error = errors[path] { throw error }
        guard let names = directories[path] else { throw .notFound(path) }
        return names
    }

    func fileExists(_ path: String) -> Bool { files[path] != nil || directories[path] != nil }

    func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
        if hanging.contains(argv) {
            // Ignores its timeout on purpose: the runner's deadline must still end the wait.
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return CommandResult(outcome: .timedOut(seconds: 3600))
        }
        return commands[argv] ?? CommandResult(outcome: .notFound)
    }

    func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
    func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
    func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
    func environment(_ name: String) -> String? { nil }
}

extension CommandResult {
    static func output(_ text: String) -> CommandResult { CommandResult(outcome: .exited(0), stdout: Data(text.utf8)) }
}
