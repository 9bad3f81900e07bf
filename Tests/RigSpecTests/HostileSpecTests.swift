import Testing
@testable import RigSpec

/// Includes and long lists from a hostile or merely large spec.
@Suite struct HostileSpecTests {
    @Test func includeDeduplicationIgnoresQuoting() throws {
        let spec = try TestFixtures.load(TestFixtures.minimal + "\ninclude: [stack.yaml]\npackages: { apt: [git, \"htop\"] }\n",
                                         files: ["/specs/stack.yaml": "packages: { apt: [\"git\", htop, 'jq'] }\n"]).get()
        #expect(spec.packages.apt.map(\.name) == ["git", "htop", "jq"])
    }

    @Test func aQuotedNumberAndAPlainOneStayTwoItems() throws {
        // "1" is a string and 1 an integer: not the same item, so the merge keeps both and the
        // shape check reports the integer.
        let result = TestFixtures.load(TestFixtures.minimal + "\ninclude: [stack.yaml]\npackages: { apt: [\"1\"] }\n",
                                       files: ["/specs/stack.yaml": "packages: { apt: [1] }\n"])
        guard case .failure = result else { Issue.record("an integer package name loaded"); return }
    }

    @Test func sixteenThousandAptNamesLoadAndDuplicatesAreFound() throws {
        let names = (0..<16_000).map { "package-\($0)" }
        let spec = try TestFixtures.load(TestFixtures.minimal + "\npackages:\n  apt:\n" + names.map { "    - \($0)\n" }.joined()).get()
        #expect(spec.packages.apt.count == 16_000)
        let twice = TestFixtures.load(TestFixtures.minimal + "\npackages:\n  apt:\n" + (names + ["package-7"]).map { "    - \($0)\n" }.joined())
        guard case .failure(let error) = twice else { Issue.record("a duplicate was accepted"); return }
        #expect(error.description.contains("'package-7' is listed twice in 'packages.apt'"))
    }
}
