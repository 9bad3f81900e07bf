import FoundationEssentials
import Testing

/// rigctl starts in a few milliseconds only while nothing it links imports full Foundation (which
/// brings swift-corelibs-foundation and ICU's data into every process): sources import
/// `FoundationEssentials`, and the few files that need more are listed here, each with its reason.
@Suite struct ImportPolicyTests {
    /// Path under Sources/ → why it needs full Foundation. Keep it empty if you can.
    static let allowed: [String: String] = [:]

    /// Modules that pull in corelibs Foundation or ICU.
    static let heavyModules: Set<String> = ["Foundation", "FoundationNetworking", "FoundationXML", "FoundationInternationalization"]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// `import Foundation`, `@preconcurrency import Foundation`, `import struct Foundation.Date` → `Foundation`.
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains(first) {
            words = words.dropFirst()
        }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(kind) { words = words.dropFirst() }
        guard let path = words.first else { return nil }
        return String(path.split(separator: ".").first ?? path)
    }

    static func swiftFiles() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
    }

    @Test func noSourceImportsFullFoundationOutsideTheAllowList() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 50, "found only \(files.count) Swift files under \(Self.sources.path)")
        var offenders: [String] = []
        var stillNeeded: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: Self.sources.appendingPathComponent(file).path, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let module = Self.importedModule(line), Self.heavyModules.contains(module) else { continue }
                if Self.allowed[file] != nil { stillNeeded.insert(file); continue }
                offenders.append("Sources/\(file):\(index + 1): imports \(module)")
            }
        }
        #expect(offenders.isEmpty, """
            import FoundationEssentials instead (or, if the full surface is really needed, add the file to \
            ImportPolicyTests.allowed with the reason):
            \(offenders.joined(separator: "\n"))
            """)
        let stale = Set(Self.allowed.keys).subtracting(stillNeeded).sorted()
        #expect(stale.isEmpty, "listed in ImportPolicyTests.allowed but no longer importing Foundation: \(stale)")
    }

    @Test func importLinesAreRecognised() {
        #expect(Self.importedModule("import Foundation") == "Foundation")
        #expect(Self.importedModule("@preconcurrency import Foundation") == "Foundation")
        #expect(Self.importedModule("  package import struct Foundation.Date") == "Foundation")
        #expect(Self.importedModule("import FoundationEssentials") == "FoundationEssentials")
        #expect(Self.importedModule("// import Foundation") == nil)
        #expect(Self.importedModule("let important = 1") == nil)
    }
}
