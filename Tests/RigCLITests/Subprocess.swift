import Foundation
import Testing

/// Runs a program to the end, stdout and stderr together, for tests that drive the built `rigctl`
/// binary or a real tool (bash, dpkg, ansible-playbook).
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The `rigctl` that `swift build --build-tests` put beside the tests.
    static var rigctl: String { Repo.root + "/.build/debug/rigctl" }

    /// The program's path on PATH (or as given when it has a slash); nil when it is missing.
    static func find(_ tool: String) -> String? {
        if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        guard let executable = find(tool) else {
            Issue.record("\(tool) is not installed (scripts/test installs it)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory(_ prefix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
