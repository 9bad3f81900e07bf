import Testing
@testable import RigSpec

/// The loader's short paths (scans) and long paths (indexes) must give the same answers.
@Suite struct LoaderScaleTests {
    private func place(_ line: Int) -> RigSpec.SourceLocation { RigSpec.SourceLocation(file: "m.yaml", line: line, column: 1) }

    /// On both sides of `SourceMap.scanLimit`: lookups, a path written again, copies written apart,
    /// lookups between writes, removal, equality in any order.
    @Test(arguments: [10, SourceMap.scanLimit + 90])
    func sourceMapAnswersLikeADictionary(count: Int) {
        var map = SourceMap()
        for i in 0..<count { map["k\(i)"] = place(i) }
        #expect((0..<count).allSatisfy { map["k\($0)"] == place($0) })
        #expect(map["k\(count)"] == nil && map["k"] == nil)

        map["k3"] = place(1000)                       // written again: the last one wins
        #expect(map["k3"] == place(1000))
        #expect(map.nearest("k3.x[0]") == place(1000))

        var copy = map
        copy["extra"] = place(2000)                   // a write to a copy leaves the original alone
        #expect(copy["extra"] == place(2000) && map["extra"] == nil)
        map["other"] = place(3000)
        #expect(map["other"] == place(3000) && copy["other"] == nil)
        #expect(copy["k\(count - 1)"] == place(count - 1) && map["k\(count - 1)"] == place(count - 1))

        map["k5"] = nil
        #expect(map["k5"] == nil && map["k6"] == place(6))

        var reversed = SourceMap()
        for i in (0..<count).reversed() where i != 5 { reversed["k\(i)"] = place(i == 3 ? 1000 : i) }
        reversed["other"] = place(3000)
        #expect(reversed == map)
        reversed["k0"] = place(9)
        #expect(reversed != map)
    }

    private func tree(_ yaml: String) throws -> YAMLTree {
        try #require(YAMLReader.read(yaml, file: "f.yaml").root)
    }

    /// Short mappings and lists merge by scanning, long ones through an index and sets: the same
    /// result either way (keys in first-written order, overlay scalars win, list items once each,
    /// a quoted "1" and a plain 1 different items, quoting alone not).
    @Test(arguments: [4, 40])
    func mergeIsTheSameShortOrLong(count: Int) throws {
        let baseKeys = (0..<count).map { "a\($0)" }
        let overlayKeys = (count / 2..<count + 3).map { "a\($0)" }
        let baseItems = (0..<count).map { "i\($0)" } + ["1"]
        let overlayItems = ["\"i0\"", "'1'", "1", "new", "new"] + (count / 2..<count + 2).map { "i\($0)" }
        func yaml(_ keys: [String], value: String, items: [String]) -> String {
            keys.map { "\($0): \(value)\n" }.joined() + "list: [\(items.joined(separator: ", "))]\n"
        }
        var diagnostics: [Diagnostic] = []
        let merged = SpecLoader.merge(try tree(yaml(baseKeys, value: "base", items: baseItems)),
                                      try tree(yaml(overlayKeys, value: "top", items: overlayItems)), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        guard case .mapping(let pairs) = merged.value else { Issue.record("not a mapping"); return }
        let expectedKeys = baseKeys + ["list"] + overlayKeys.filter { !baseKeys.contains($0) }
        #expect(pairs.map { $0.key.scalar ?? "?" } == expectedKeys)
        for pair in pairs where pair.key.scalar != "list" {
            let key = pair.key.scalar ?? ""
            #expect(pair.value.scalar == (overlayKeys.contains(key) ? "top" : "base"), "\(key)")
        }
        let list = try #require(pairs.first { $0.key.scalar == "list" }?.value)
        guard case .sequence(let items) = list.value else { Issue.record("not a list"); return }
        let expectedItems = baseItems + ["'1'", "new"] + (count..<count + 2).map { "i\($0)" }
        #expect(items.map { $0.resolvedKind == .string && $0.scalar == "1" ? "'1'" : $0.scalar ?? "?" } == expectedItems)
    }
}
