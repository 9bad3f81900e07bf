import Foundation
import Testing
@testable import RigFuzz

/// The fuzz targets over their seed corpus, without the sanitizer: every target answers every
/// fixture (and a few hostile inputs) without trapping. `scripts/fuzz` runs them coverage-guided.
@Suite struct FuzzSeedTests {
    static let hostile: [Data] = [
        Data(), Data([0xFF, 0xFE, 0x00]), Data(String(repeating: "[", count: 100_000).utf8),
        Data(String(repeating: "{\"a\":", count: 50_000).utf8), Data("99999999999999999999 GB 1e400 W -5".utf8),
    ]

    @Test(arguments: FuzzTargets.all.keys.sorted())
    func targetAnswersFixturesAndHostileInputs(name: String) throws {
        let target = try #require(FuzzTargets.all[name])
        let fixtures = try Fixture.root()
        let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.path.contains("/tools/") } ?? []
        #expect(!files.isEmpty)
        for file in files.prefix(60) { target(try Data(contentsOf: file)) }
        for input in Self.hostile { target(input) }
    }
}
