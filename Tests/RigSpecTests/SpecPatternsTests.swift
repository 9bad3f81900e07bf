import Testing
@testable import RigSpec

/// The hand-written scanners accept exactly what the regular expressions in the JSON Schema accept.
@Suite struct SpecPatternsTests {
    static let patterns: [(String, StringPattern)] = [
        ("hostname", SpecPatterns.hostname), ("debianPackage", SpecPatterns.debianPackage),
        ("debianVersion", SpecPatterns.debianVersion), ("aptPackage", SpecPatterns.aptPackage),
        ("userName", SpecPatterns.userName), ("label", SpecPatterns.label), ("prose", SpecPatterns.prose),
        ("osRelease", SpecPatterns.osRelease), ("biosVersion", SpecPatterns.biosVersion),
        ("settingName", SpecPatterns.settingName), ("settingValue", SpecPatterns.settingValue),
        ("color", SpecPatterns.color), ("vscodeColorKey", SpecPatterns.vscodeColorKey),
        ("includePath", SpecPatterns.includePath), ("machineName", SpecPatterns.machineName),
        ("modelName", SpecPatterns.modelName), ("parameterCount", SpecPatterns.parameterCount),
        ("pythonVersion", SpecPatterns.pythonVersion), ("absolutePath", SpecPatterns.absolutePath),
        ("torchVariant", SpecPatterns.torchVariant), ("pythonRequirement", SpecPatterns.pythonRequirement),
        ("brewFormula", SpecPatterns.brewFormula), ("brewCask", SpecPatterns.brewCask),
        ("vimRole", StringPattern(oneOf: MachineSpecShape.vimColorRoles, meaning: "a vim colour role")),
    ]

    /// Strings near each pattern: short random ones over a shared alphabet, and long runs at the length limits.
    static func samples(seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        let alphabet = Array("aAzZ09#-._+:=~/()&,@ y.ml\t\n\r\u{7f}\u{1b}\u{85}é$;'\"`") .map(String.init)
        let words = ["22.04", "tmux", "=3.2a-4", "1:2.0", "compute-node", ".yaml", ".yml", "#0b2540", "titleBar.", "above-4g", "comment", "x", "350M", "7.6B", "12.", "B", "llama-3.1-8b",
                     "12.8", "cpu", "/opt/ml", ">=1.0", "[a,b]", "==2.*", "python@3.12", "user/tap/", "/"]
        var result: [String] = ["", "a", "-", ".", "a.", ".a", "a..b", "a-", "1:", ":1", "a=", "=1", "stacks/x.yaml", ".yaml", "a.yaml\n"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) {
                text += random.next() % 3 == 0 ? words[Int(random.next() % UInt64(words.count))] : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            result.append(text)
        }
        for length in [31, 32, 33, 62, 63, 64, 65, 127, 128, 129, 253, 254, 1999, 2000, 2001] {
            result.append(String(repeating: "a", count: length))
            result.append("a" + String(repeating: "-", count: length - 2) + "a")
            result.append(String(repeating: "ab.", count: length / 3) + "cd")
            result.append(String(repeating: "é", count: length))
        }
        return result
    }

    @Test(arguments: patterns.map(\.0))
    func scannerAgreesWithTheSchemaRegex(name: String) throws {
        let pattern = try #require(Self.patterns.first { $0.0 == name }?.1)
        let regex = try Regex(pattern.regex).matchingSemantics(.unicodeScalar)
        var disagreements: [String] = []
        for sample in Self.samples(seed: UInt64(name.utf8.count)) {
            let expected = (try? regex.wholeMatch(in: sample)) != nil
            if pattern.matches(sample) != expected { disagreements.append("\(expected ? "rejects" : "accepts") \(sample.debugDescription)") }
        }
        #expect(disagreements.isEmpty, "\(name): \(disagreements.prefix(10))")
    }

    @Test func samplesReachBothAnswers() throws {
        // A comparison where every sample fails both ways would prove nothing.
        for (name, pattern) in Self.patterns {
            let accepted = Self.samples(seed: UInt64(name.utf8.count)).filter(pattern.matches).count
            #expect(accepted > 0, "\(name) accepts no sample")
        }
    }
}

/// A small seeded generator so the samples are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
