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

@Suite struct BIOSSettingNameTests {
    @Test func aSettingNamedVersionIsALocatedError() {
        let result = TestFixtures.load(TestFixtures.minimal + "\nbios:\n  version: \"3902\"\n  settings: { version: enabled, xmp: profile-1 }\n")
        guard case .failure(let error) = result else { Issue.record("a setting named version loaded"); return }
        #expect(error.description.contains("/specs/box.yaml:6:15: error:"), "\(error)")
        #expect(error.description.contains("not 'version': that is bios.version"))
    }

    @Test func otherSettingsStillLoad() throws {
        let spec = try TestFixtures.load(TestFixtures.minimal + "\nbios:\n  settings: { versioning: on, xmp: profile-1 }\n").get()
        #expect(spec.bios?.settings.map(\.name) == ["versioning", "xmp"])
    }
}

@Suite struct IncludeConfinementTests {
    @Test func anIncludeLeavingTheRepositoryIsRefused() {
        var read: [String] = []
        let loader = SpecLoader(readFile: { path in
            read.append(path)
            return path.hasSuffix("box.yaml") ? TestFixtures.minimal + "\ninclude: [../../etc/secret.yaml]\n" : "packages: { apt: [x] }\n"
        })
        guard case .failure(let error) = loader.load(file: "/r/machines/box.yaml") else { Issue.record("loaded"); return }
        #expect(error.description.contains("include: '../../etc/secret.yaml' leads out of /r (includes stay inside the repository)"))
        #expect(read == ["/r/machines/box.yaml"])
    }

    @Test func stacksInsideTheRepositoryStillWork() {
        #expect(SpecLoader.isInside(SpecLoader.join("/r/machines/a.yaml", "stacks/b.yaml"), "/r"))
        #expect(SpecLoader.isInside(SpecLoader.join("/r/machines/a.yaml", "../common/c.yaml"), "/r"))
        #expect(!SpecLoader.isInside(SpecLoader.join("/r/machines/a.yaml", "../../c.yaml"), "/r"))
        #expect(SpecLoader.isInside(SpecLoader.join("machines/a.yaml", "stacks/b.yaml"), SpecLoader.includeRoot(of: "machines/a.yaml")))
        #expect(!SpecLoader.isInside(SpecLoader.join("machines/a.yaml", "../../b.yaml"), SpecLoader.includeRoot(of: "machines/a.yaml")))
    }
}

/// Found by `scripts/fuzz spec`: an include whose path grows each level never repeated a path, so
/// the cycle check never fired and the loader recursed until the stack overflowed.
@Suite struct IncludeDepthTests {
    @Test func aChainOfDistinctPathsStopsAtTheDepthLimit() {
        let yaml = "version: 1\ninclude: [cycle/a.yaml]\nhostname: box\nos: { distro: ubuntu, release: \"22.04\" }\n"
        let result = SpecLoader(readFile: { $0.hasSuffix(".yaml") ? yaml : nil }).load(file: "machines/fuzz.yaml")
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        #expect(error.description.contains("is nested deeper than 16 files"), "\(error)")
    }
}
