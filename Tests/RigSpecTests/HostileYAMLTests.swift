import Foundation
import Testing
@testable import RigSpec

/// Hostile specs end in a located error, quickly and in bounded memory. Inputs are built here,
/// at test time; each case must finish under a second in the debug build, which a quadratic
/// step on these sizes (10,000 to 20,000 items) could not.
@Suite struct HostileYAMLTests {
    /// Runs `work` and expects it to take under a second of this thread's CPU time (other tests
    /// and builds running beside it on a shared machine do not count).
    private func timed<T>(_ work: () throws -> T) rethrows -> T {
        func cpuSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        let start = cpuSeconds()
        let result = try work()
        let elapsed = cpuSeconds() - start
        #expect(elapsed < 1, "took \(elapsed) s of CPU")
        return result
    }

    private func diagnostics(_ yaml: String, files: [String: String] = [:]) -> [String] {
        timed {
            switch TestFixtures.load(yaml, files: files) {
            case .success: return ["loaded"]
            case .failure(let error): return error.diagnostics.map(\.description)
            }
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeParsing() {
        let limit = YAMLLimits.spec.maxBytes
        let atLimit = TestFixtures.minimal + "\n#" + String(repeating: "x", count: limit - TestFixtures.minimal.utf8.count - 2)
        #expect(atLimit.utf8.count == limit)
        #expect(diagnostics(atLimit) == ["loaded"])
        #expect(diagnostics(atLimit + "x") == ["/specs/box.yaml:1:1: error: the file is 1048577 bytes; a spec may be at most 1048576 bytes"])
    }

    @Test func aTenMegabyteSingleLineFlowMappingOnDiskIsRefusedUnread() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var line = "{"
        line.reserveCapacity(10_500_000)
        var index = 0
        while line.utf8.count < 10_000_000 {
            line += "k\(index): v, "
            index += 1
        }
        line += "last: v}\n"
        let file = directory.appendingPathComponent("flow.yaml").path
        try line.write(toFile: file, atomically: false, encoding: .utf8)
        let messages = timed {
            guard case .failure(let error) = SpecLoader.fromDisk().load(file: file) else { return ["loaded"] }
            return error.diagnostics.map(\.description)
        }
        #expect(messages == ["\(file):1:1: error: the file is \(line.utf8.count) bytes; a spec may be at most 1048576 bytes"])
    }

    @Test func aBillionLaughsAliasBombStopsAtTheAliasThatCrossesTheLimit() {
        var yaml = TestFixtures.minimal + "\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let messages = diagnostics(yaml)
        // Aliases add 110 nodes in l1 and 1,110 in l2; l3 repeats l2 (1,111 nodes each): its 8th alias crosses 10,000.
        #expect(messages == ["/specs/box.yaml:7:45: error: YAML aliases expand to more than 10000 nodes (at '*l2')"])
    }

    @Test func nestingIsBoundedEvenFarBeyondTheLimit() {
        let depth = YAMLLimits.spec.maxDepth
        // The root mapping is level 1, so `notes:` may hold depth - 1 nested lists.
        let deepest = TestFixtures.minimal + "\nnotes: " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "\n"
        #expect(diagnostics(deepest).allSatisfy { !$0.contains("nesting") })
        let tooDeep = TestFixtures.minimal + "\nnotes: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(diagnostics(tooDeep) == ["/specs/box.yaml:4:\(7 + depth):" + " error: YAML nesting deeper than \(depth) levels"])
    }

    @Test func twentyThousandErrorsArePrintedAsAHundredAndACount() {
        let prefix = "{version: 1, hostname: box, os: {distro: ubuntu, release: \"22.04\"}, "
        let flow = prefix + (0..<20_000).map { "x\($0): 1" }.joined(separator: ", ") + "}\n"
        #expect(flow.utf8.count < YAMLLimits.spec.maxBytes)
        let messages = diagnostics(flow)
        #expect(messages.count == SpecLoader.diagnosticLimit + 1)
        #expect(messages.first == "/specs/box.yaml:1:\(prefix.count + 1): error: unknown key 'x0'")
        #expect(messages.last?.hasSuffix(": note: … and 19900 more problems (only the first 100 are reported)") == true)
        let unknown = (TestFixtures.minimal + "\n" + (0..<20_000).map { "x\($0): 1" }.joined(separator: "\n") + "\n")
        let many = diagnostics(unknown)
        #expect(many.count == SpecLoader.diagnosticLimit + 1)
        #expect(many.first == "/specs/box.yaml:4:1: error: unknown key 'x0'")
        #expect(many.last == "/specs/box.yaml:103:1: note: … and 19900 more problems (only the first 100 are reported)")
    }

    @Test func twentyThousandDuplicateKeysAreCappedToo() {
        let yaml = TestFixtures.minimal + "\n" + Array(repeating: "hostname: again", count: 20_000).joined(separator: "\n") + "\n"
        let messages = diagnostics(yaml)
        #expect(messages.count == SpecLoader.diagnosticLimit + 1)
        #expect(messages.first == "/specs/box.yaml:4:1: error: duplicate key 'hostname' in the same mapping")
        #expect(messages.last == "/specs/box.yaml:103:1: note: … and 19900 more problems (only the first 100 are reported)")
    }

    @Test func longListsMergeInLinearTime() {
        let names = (0..<10_000).map { "pkg\($0)" }
        let machine = TestFixtures.minimal + "\ninclude: [stack.yaml]\npackages: { apt: [" + names.joined(separator: ", ") + "] }\n"
        let fragment = "packages: { apt: [" + names.prefix(10).joined(separator: ", ") + ", tmux] }\n"
        let spec = timed { TestFixtures.load(machine, files: ["/specs/stack.yaml": fragment]) }
        let apt = (try? spec.get())?.packages.apt.map(\.name) ?? []
        #expect(apt.count == 10_001)
        #expect(apt.prefix(11) == names.prefix(10) + ["tmux"])
    }

    @Test func aHugeValueIsCutInTheMessage() {
        let name = String(repeating: "k", count: 500_000)
        let messages = diagnostics("version: 1\nhostname: \"\(name)\"\nos: { distro: ubuntu, release: \"22.04\" }\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("/specs/box.yaml:2:11: error: hostname: 'kkk") == true)
        #expect((messages.first?.count ?? .max) < 2100)
    }
}
