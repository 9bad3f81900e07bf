import Foundation
import Testing
@testable import RigSpec

/// Every file in Fixtures/invalid is a broken spec; expected.tsv holds the exact diagnostics
/// (file paths relative to that folder) each must produce.
@Suite struct InvalidSpecCorpusTests {
    static let directory = TestFixtures.root + "/invalid"

    static let expectations: [String: [String]] = {
        let text = (try? String(contentsOfFile: directory + "/expected.tsv", encoding: .utf8)) ?? ""
        var table: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let columns = line.split(separator: "\t", maxSplits: 1)
            table[String(columns[0]), default: []].append(String(columns[1]))
        }
        return table
    }()

    static let cases: [String] = ((try? SpecLoader.machineFiles(in: directory)) ?? []).map { ($0 as NSString).lastPathComponent }

    @Test func corpusIsLargeAndFullyDescribed() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases) == Set(Self.expectations.keys))
    }

    @Test(arguments: cases)
    func yieldsExpectedDiagnostics(file: String) {
        guard case .failure(let error) = SpecLoader.fromDisk().load(file: Self.directory + "/" + file) else {
            Issue.record("\(file) loaded without errors")
            return
        }
        let lines = error.diagnostics.map { $0.description.replacingOccurrences(of: Self.directory + "/", with: "") }
        #expect(lines == Self.expectations[file])
    }
}
