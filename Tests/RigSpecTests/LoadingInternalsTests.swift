import Testing
@testable import RigSpec

/// The loader's fast paths against what they replaced: interned file names, byte scanners for
/// versions and apt packages, and the composer's shared child stacks.
@Suite struct LoadingInternalsTests {
    /// Hostile and ordinary texts for the byte scanners: combining marks after a separator,
    /// non-ASCII digits, empty parts, too many parts or digits.
    static let texts = [
        "", ".", "..", "1", "570", "570.124.06", "12.8", "1.2.3.4", "1.2.3.4.5", "1..2", ".1", "1.", "123456", "1234567",
        "1.1234567", "00.01", "1\u{301}", "1.\u{301}2", "\u{0663}", "\u{FF11}", "1 ", " 1", "1\n", "\r\n", "-1", "+1", "1e3",
        "tmux", "tmux=3.2a-4", "tmux=", "=3.2", "a=b=c", "t=1:2.3", "tmux=\u{301}3.2", "tm\u{301}ux=3.2", "tmux\u{301}=3.2",
        "Tmux=1", "lib+x.y-z=1.0~rc1", "x", "ab", "ab=1", "ab=1 ", "ab==1",
    ]

    /// `Version.init` as it was written with `split` and Character tests.
    static func splitVersion(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 6, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            components.append(n)
        }
        return components
    }

    /// `AptPackage.init` as it was written with `split`.
    static func splitPackage(_ text: String) -> MachineSpec.AptPackage? {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, SpecPatterns.debianPackage.matches(String(first)) else { return nil }
        if parts.count == 2 {
            guard SpecPatterns.debianVersion.matches(String(parts[1])) else { return nil }
            return MachineSpec.AptPackage(name: String(first), version: String(parts[1]))
        }
        return MachineSpec.AptPackage(name: String(first))
    }

    @Test(arguments: texts)
    func versionsScanAsTheyDidSplit(text: String) {
        #expect(Version(text)?.components == Self.splitVersion(text), "\(text.debugDescription)")
        #expect(Version(text).map(\.text) == Self.splitVersion(text).map { _ in text })
    }

    @Test(arguments: texts)
    func aptPackagesScanAsTheyDidSplit(text: String) {
        #expect(MachineSpec.AptPackage(text) == Self.splitPackage(text), "\(text.debugDescription)")
    }

    /// Scalars for the kind and quantity scanners: numbers in every YAML form, quantities with and
    /// without spaces, tabs and units, words, and non-ASCII look-alikes.
    static let scalars = texts + [
        "0x1F", "0xg", "0x", "0o17", "0o8", "0o", "-0x1", "+12", "-", "+", "0", "00", "1.5", "-1.5e3", "1e", "e1", ".5", "5.",
        ".inf", "-.inf", "+.inf", ".NaN", ".nan", ".Inf", "+.INF", "inf", "~", "null", "Null", "true", "FALSE", "yes",
        "32 GiB", "32GiB", " 32 GiB ", "\t350\tW\t", "1.6 kW", "1.6.2 kW", "1. kW", ".5 kW", "0 W", "6000 MT/s", "3.3 GHz",
        "1 TB", "1  TB", "24 gib", "24 GiBs", "24", "W", " ", "\t", "99999999999999999999 B", "1e3 W", "3\r\n W", "3 W\r\n",
        "1\u{2003}W", "\u{2003}1 W", "1 W\u{2003}", "１ W", "1 \u{0301}W", "1\u{0301} W", "350 Ｗ",
    ]

    /// `ScalarKind.resolve`'s integer test as it was written over a Substring's UTF-8 view.
    static func viewIsInteger(_ text: String) -> Bool {
        var body = Substring(text).utf8[...]
        if let sign = body.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { body = body.dropFirst() }
        let isDigit = { (b: UInt8) in b &- 0x30 < 10 }
        let prefix = body.count > 2 && body.first == UInt8(ascii: "0") ? body[body.index(after: body.startIndex)] : 0
        if prefix == UInt8(ascii: "x") { return body.dropFirst(2).allSatisfy { isDigit($0) || ($0 | 0x20) &- 0x61 < 6 } }
        if prefix == UInt8(ascii: "o") { return body.dropFirst(2).allSatisfy { $0 &- 0x30 < 8 } }
        return !body.isEmpty && body.allSatisfy(isDigit)
    }

    @Test(arguments: scalars)
    func scalarKindsResolveAsTheyDid(text: String) {
        let kind = ScalarKind.resolve(text)
        #expect((kind == .int) == Self.viewIsInteger(text) || kind == .null || kind == .bool, "\(text.debugDescription)")
        let specials: Set<String> = [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"]
        if specials.contains(text) { #expect(kind == .float) }
    }

    @Test(arguments: scalars)
    func quantitiesParseByBytesAsByCharacters(text: String) {
        for dimension in Dimension.allCases {
            #expect(Quantity.parse(text, as: dimension) == Quantity.parseByCharacters(text, as: dimension), "\(text.debugDescription) \(dimension)")
        }
    }

    @Test func equalFileNamesShareOneNumberAndLocationsOrderByTheName() {
        let a = SourceLocation(file: "machines/b.yaml", line: 3, column: 1)
        let b = SourceLocation(file: String("machines/" + "b.yaml"), line: 3, column: 1)
        #expect(a == b && a.fileID == b.fileID && a.hashValue == b.hashValue)
        #expect(a.description == "machines/b.yaml:3:1")
        // Interned later, sorts earlier: the order is the names', not the numbers'.
        let earlier = SourceLocation(file: "machines/a-\(a.line).yaml", line: 9, column: 9)
        #expect(earlier < a && !(a < earlier))
        #expect(SourceLocation(file: "machines/b.yaml", line: 2, column: 7) < a)
        var moved = a
        moved.file = "other.yaml"
        #expect(moved.file == "other.yaml" && moved.line == 3 && moved != a)
    }

    @Test func namesInternedFromManyThreadsAgree() async {
        let names = (0..<200).map { "concurrent/\($0 % 50).yaml" }
        let ids = await withTaskGroup(of: [InternedNames.ID].self) { group in
            for _ in 0..<4 { group.addTask { names.map(InternedNames.files.id(of:)) } }
            var all: [[InternedNames.ID]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(Set(ids).count == 1)
        #expect(ids[0].map(InternedNames.files.name(of:)) == names)
    }

    @Test func tagsAreKeptAsWritten() {
        let result = YAMLReader.read("a: !unsafe x\nb: y\n", file: "t.yaml", localTags: ["!unsafe"])
        guard case .mapping(let pairs)? = result.root?.value else { Issue.record("no mapping"); return }
        #expect(pairs.map(\.value.tag) == ["!unsafe", nil])
        var node = pairs[1].value
        node.tag = "!other"
        #expect(node.tag == "!other")
    }

    /// Children of open collections share one stack: nesting, more children than its first
    /// capacity (64), duplicate keys found through the index a mapping gets past 16 keys (one key
    /// from before the index was built, one from after), and a syntax error with children still open.
    @Test func nestedCollectionsKeepTheirOwnChildren() throws {
        let keys = (0..<40).map { "k\($0): v\($0)\n" }.joined()
        let items = (0..<150).map { "  - [i\($0), {n: \($0)}]\n" }.joined()
        let yaml = "outer:\n" + keys.split(separator: "\n").map { "  \($0)\n" }.joined() + "  k3: again\n  k30: again\n"
            + "list:\n" + items + "after: 1\n"
        let result = YAMLReader.read(yaml, file: "n.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "n.yaml:42:3: error: duplicate key 'k3' in the same mapping",
            "n.yaml:43:3: error: duplicate key 'k30' in the same mapping",
        ])
        guard case .mapping(let top)? = result.root?.value else { Issue.record("no mapping"); return }
        #expect(top.map { $0.key.scalar } == ["outer", "list", "after"])
        guard case .mapping(let outer) = top[0].value.value, case .sequence(let list) = top[1].value.value else {
            Issue.record("wrong shapes"); return
        }
        #expect(outer.map { $0.key.scalar } == (0..<40).map { "k\($0)" })
        #expect(outer.map { $0.value.scalar } == (0..<40).map { "v\($0)" })
        #expect(list.count == 150)
        for (index, item) in list.enumerated() {
            guard case .sequence(let pair) = item.value, pair.count == 2, case .mapping(let inner) = pair[1].value else {
                Issue.record("item \(index)"); continue
            }
            #expect(pair[0].scalar == "i\(index)" && inner.first?.value.scalar == "\(index)")
        }
        let broken = YAMLReader.read("a:\n  b: [1, {c: 2\n", file: "b.yaml")
        #expect(broken.root == nil && broken.diagnostics.count == 1)
    }
}
