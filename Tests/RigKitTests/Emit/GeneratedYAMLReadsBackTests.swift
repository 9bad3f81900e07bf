import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
import RigSpec
@testable import RigKit

/// `YAMLWriter` is hand-written for speed; every file it writes is read back here through the
/// system libyaml (`YAMLReader`) and compared value by value with the `YAMLNode` it was meant to say:
/// quoting is where injection hides.
@Suite struct GeneratedYAMLReadsBackTests {
    /// Strings that break naive YAML: quotes, `: `, ` #`, line breaks, CR, YAML indicators at the start,
    /// Jinja, controls, Unicode line separators, spaces at either end, booleans of YAML 1.1.
    static let hostile = [
        "plain", "it's \"quoted\"", "a: b", "key:", "x #not a comment", "#start", "line\nnext", "cr\rhere", "crlf\r\n",
        "- dash", "* star", "&anchor", "!tag", "|", ">", "%directive", "@at", "`tick`", "{{ lookup('pipe', 'id') }}",
        "{% raw %}x{% endraw %}", "[list]", "{map: 1}", "yes", "no", "on", "null", "~", "", " ", " lead", "trail ",
        "tab\t", "bell\u{07}", "del\u{7f}", "nel\u{85}", "ls\u{2028}ps\u{2029}", "bom\u{feff}", "ünïcødé ✓", "0x1F", "1e3", "22.04",
        "multi\nline\n", "ends\n\n", "  indented\nblock\n", "trailing \nspace\n", "\\backslash\\", "\"", "'", "--- ", "...",
    ]

    /// Differences between what `node` means and what libyaml read, by path.
    static func differences(_ node: YAMLNode, _ tree: YAMLTree, at path: String = "$") -> [String] {
        func scalar(_ text: String, plain: Bool, tag: String? = nil) -> [String] {
            guard case .scalar(let read, let readPlain) = tree.value else { return ["\(path): expected a scalar, read \(tree.kindName)"] }
            var problems: [String] = []
            if read != text { problems.append("\(path): meant \(text.debugDescription), read \(read.debugDescription)") }
            if readPlain != plain { problems.append("\(path): meant \(plain ? "plain" : "quoted"), read \(readPlain ? "plain" : "quoted")") }
            if tree.tag != tag { problems.append("\(path): meant tag \(tag ?? "none"), read \(tree.tag ?? "none")") }
            return problems
        }
        switch node {
        case .string(let text): return scalar(text, plain: false)
        case .unsafeString(let text): return scalar(text, plain: false, tag: "!unsafe")
        // A folded block joins its lines with spaces.
        case .expression(let parts): return scalar(parts.joined(separator: " "), plain: false)
        case .bool(let value): return scalar(value ? "true" : "false", plain: true) + kind(.bool)
        case .int(let value): return scalar(String(value), plain: true) + kind(.int)
        case .word(let word):
            // A bare word must be a string in YAML 1.2 and in the YAML 1.1 that Ansible's PyYAML reads.
            let yaml11Booleans: Set = ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"]
            return scalar(word, plain: true) + kind(.string) + (yaml11Booleans.contains(word) ? ["\(path): \(word) is a YAML 1.1 boolean"] : [])
        case .commented(let inner, _): return differences(inner, tree, at: path)
        case .list(let items):
            guard case .sequence(let read) = tree.value else { return ["\(path): expected a list, read \(tree.kindName)"] }
            guard read.count == items.count else { return ["\(path): meant \(items.count) items, read \(read.count)"] }
            return zip(items, read).enumerated().flatMap { differences($1.0, $1.1, at: "\(path)[\($0)]") }
        case .map(let entries):
            guard case .mapping(let read) = tree.value else { return ["\(path): expected a mapping, read \(tree.kindName)"] }
            guard read.count == entries.count else { return ["\(path): meant \(entries.count) keys, read \(read.count)"] }
            return zip(entries, read).flatMap { meant, pair in
                (pair.key.scalar == meant.0 ? [] : ["\(path): meant key \(meant.0.debugDescription), read \(pair.key.scalar?.debugDescription ?? pair.key.kindName)"])
                    + differences(meant.1, pair.value, at: "\(path).\(meant.0)")
            }
        }

        func kind(_ expected: ScalarKind) -> [String] {
            tree.resolvedKind == expected ? [] : ["\(path): meant \(expected), reads as \(tree.kindName)"]
        }
    }

    static func read(_ text: String) -> YAMLReader.Result {
        YAMLReader.read(text, file: "generated.yml", limits: YAMLLimits(maxBytes: 16 << 20), localTags: ["!unsafe"])
    }

    static func check(_ node: YAMLNode, _ text: String, _ name: String) {
        let result = read(text)
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics)")
        guard let root = result.root else { Issue.record("\(name): no document"); return }
        let problems = differences(node, root)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(8))")
    }

    @Test func hostileStringsReadBackInEveryPosition() {
        let node = YAMLNode.map(Self.hostile.enumerated().map { index, text in
            (text, .list([
                .string(text), .unsafeString(text), .map([(text, .string(text))]),
                .commented(.string(text), "noqa: \(index)"), .expression([text.isEmpty ? "x" : "a", "| b"]),
            ]))
        } + [("words", .list([.word("present"), .word("restarted"), .bool(true), .bool(false), .int(-42), .int(0)]))])
        Self.check(node, YAMLWriter.document(node, header: ["head: # not a key", "---"]), "hostile")
    }

    @Test func everyPlaybookOfTheExamplesReadsBackAsItsPlay() {
        for spec in PlanExamples.all {
            let plan = Planner().plan(spec: spec, dotfiles: PlanExamples.dotfiles)
            Self.check(.list([AnsibleEmitter().play(plan)]), AnsibleEmitter().emit(plan, inInventory: spec.ssh != nil), spec.name)
        }
    }

    @Test func themeFilesWithHostileTextReadBackByteForByte() {
        let texts = Self.hostile.filter { !$0.isEmpty }.map { $0 + "\n" } + [Self.hostile.joined(separator: "\n") + "\n"]
        let dotfiles = texts.enumerated().map { RenderedFile(path: ".config/rigctl/hostile-\($0.offset)", installation: .wholeFile($0.element)) }
        let plan = Planner().plan(spec: PlanExamples.computeNode, dotfiles: dotfiles)
        let play = AnsibleEmitter().play(plan)
        Self.check(.list([play]), AnsibleEmitter().emit(plan, inInventory: true), "hostile dotfiles")
        // And the hostile texts are really in it, as `!unsafe` strings (never templated).
        let written = Self.unsafeStrings(in: play)
        for text in texts { #expect(written.contains(text), "\(text.debugDescription) is not written as !unsafe") }
    }

    @Test func everyGeneratedFileParsesWithoutComplaint() {
        for file in PlaybookGenerator().files(for: PlanExamples.all) {
            let result = Self.read(file.contents)
            #expect(result.diagnostics.isEmpty, "\(file.path): \(result.diagnostics)")
            #expect(result.root != nil, "\(file.path) is empty")
        }
    }

    @Test func inventoryAndSiteSayWhatTheSpecsSay() {
        var node = PlanExamples.computeNode
        node.ssh = .init(host: "compute-node.local", user: "me", port: 2222)
        let inventory = Self.read(InventoryEmitter().emit([node, PlanExamples.workstation]))
        let meant = YAMLNode.map([("rigs", .map([("hosts", .map([("compute-node", .map([
            ("ansible_host", .string("compute-node.local")), ("ansible_user", .string("me")), ("ansible_port", .int(2222)),
        ]))]))]))])
        #expect(inventory.root.map { Self.differences(meant, $0) } == [])
        let site = Self.read(SiteEmitter().emit([node, PlanExamples.bigRig]))
        let imports = YAMLNode.list(["big-rig", "compute-node"].map {
            .map([("name", .string("Converge \($0)")), ("ansible.builtin.import_playbook", .string("\($0).yml"))])
        })
        #expect(site.root.map { Self.differences(imports, $0) } == [])
    }

    static func unsafeStrings(in node: YAMLNode) -> [String] {
        switch node {
        case .unsafeString(let text): return [text]
        case .list(let items): return items.flatMap(unsafeStrings)
        case .map(let entries): return entries.flatMap { unsafeStrings(in: $0.1) }
        case .commented(let inner, _): return unsafeStrings(in: inner)
        default: return []
        }
    }
}

/// `rigctl init` writes YAML by hand from probe text; read back through libyaml, each value is
/// exactly what was probed (or its cleaned label), and no probe text becomes a key.
@Suite struct StarterSpecReadsBackTests {
    static func top(_ yaml: String) -> [String: YAMLTree] {
        let result = YAMLReader.read(yaml, file: "init.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)\n\(yaml)")
        guard case .mapping(let pairs)? = result.root?.value else { return [:] }
        return Dictionary(pairs.map { ($0.key.scalar ?? "?", $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    static func field(_ tree: YAMLTree?, _ path: String...) -> YAMLTree? {
        path.reduce(tree) { node, key in
            guard case .mapping(let pairs)? = node?.value else { return nil }
            return pairs.first { $0.key.scalar == key }?.value
        }
    }

    @Test(arguments: GeneratedYAMLReadsBackTests.hostile)
    func probedTextReadsBackExactly(text: String) {
        var facts = Facts()
        facts.hostname = .value(text)
        var os = OSFacts()
        os.id = .value(text)
        os.version = .value(text + "1")
        facts.os = os
        var board = BoardFacts()
        board.biosVersion = .value(text)
        board.name = .unknown(text)
        facts.board = board
        var driver = NvidiaDriverFacts()
        driver.version = .value(text)
        driver.flavor = .value(text)
        facts.nvidiaDriver = driver
        var cpu = CPUFacts()
        cpu.model = .unknown("reason: " + text)
        facts.cpu = cpu
        var memory = MemoryFacts()
        memory.totalBytes = .unknown(text + "\nversion: 2\n")
        facts.memory = memory
        let yaml = StarterSpec.yaml(from: facts)
        let top = Self.top(yaml)
        #expect(Set(top.keys).isSubset(of: ["version", "hostname", "os", "parts", "bios", "drivers"]), "\(top.keys.sorted())")
        #expect(top["version"]?.scalar == "1")
        #expect(top["hostname"]?.value == .scalar(text, plain: false))
        #expect(Self.field(top["os"], "distro")?.value == .scalar(text, plain: false))
        #expect(Self.field(top["os"], "release")?.value == .scalar(text + "1", plain: false))
        #expect(Self.field(top["bios"], "version")?.value == .scalar(text, plain: false))
        #expect(Self.field(top["drivers"], "nvidia", "version")?.value == .scalar(text, plain: false))
        #expect(Self.field(top["drivers"], "nvidia", "flavor")?.scalar == text)
        // Unknown facts are comments only: the parts mapping holds no key made from their text.
        if case .mapping(let parts)? = top["parts"]?.value { #expect(parts.isEmpty, "\(parts.map(\.key.scalar))") }
    }

    @Test func cleanedPartNamesReadBackAsTheirLabels() {
        for model in GeneratedYAMLReadsBackTests.hostile + ["Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", "AMD Ryzen 9 5950X 16-Core Processor"] {
            var facts = Facts()
            var cpu = CPUFacts()
            cpu.model = .value(model)
            facts.cpu = cpu
            let top = Self.top(StarterSpec.yaml(from: facts))
            #expect(Self.field(top["parts"], "cpu", "model")?.value == .scalar(StarterSpec.label(CPUModelName.clean(model)), plain: false), "\(model.debugDescription)")
        }
    }
}
